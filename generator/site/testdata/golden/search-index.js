window.HANDLEPLAN_SEARCH={"n":22,"b":32,"t":{"k":["000"],"v":["10khb3m","cvu8yz"]}};
