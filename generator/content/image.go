package content

import (
	"bytes"
	"image"
	_ "image/gif"  // decoders for images' sizes
	_ "image/jpeg" //
	_ "image/png"  //
	"regexp"
	"strconv"
)

var svgSize = regexp.MustCompile(`(?s)<svg[^>]*?\swidth="([0-9.]+)(?:px)?"[^>]*?\sheight="([0-9.]+)(?:px)?"`)
var svgViewBox = regexp.MustCompile(`(?s)<svg[^>]*?\sviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"`)

// imageSize returns an image's pixel size, or zeros for an unknown
// format: the header of a GIF, JPEG or PNG, the width and height or the
// viewBox of an SVG.
func imageSize(data []byte) (w, h int) {
	if c, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		return c.Width, c.Height
	}
	for _, re := range []*regexp.Regexp{svgSize, svgViewBox} {
		if m := re.FindSubmatch(data); m != nil {
			fw, _ := strconv.ParseFloat(string(m[1]), 64)
			fh, _ := strconv.ParseFloat(string(m[2]), 64)
			if fw > 0 && fh > 0 {
				return int(fw + 0.5), int(fh + 0.5)
			}
		}
	}
	return 0, 0
}
