window.HANDLEPLAN_SEARCH={"n":25,"b":32,"t":{"k":["000"],"v":["ta99gc","kdtql4"]}};
