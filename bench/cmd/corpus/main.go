// Command corpus writes a benchmark site: corpus DIR N.
package main

import (
	"os"
	"strconv"

	"github.com/handleplan/handleplan/bench/corpus"
)

func main() {
	n, _ := strconv.Atoi(os.Args[2])
	if err := corpus.Write(os.Args[1], n, 1); err != nil {
		panic(err)
	}
}
