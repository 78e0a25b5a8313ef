package i18n

var periodMessages = map[string]Message{}
