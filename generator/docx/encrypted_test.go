package docx

import (
	"errors"
	"os"
	"testing"
)

// testdata/encrypted.docx is basic.docx saved by LibreOffice with a
// password (testdata/make_encrypted.py): an OLE compound file as Office
// writes it, not a zip. Read tells it from a .doc and from a broken file.
func TestReadEncryptedFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/encrypted.docx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(data); !errors.Is(err, ErrEncrypted) {
		t.Errorf("Read(encrypted.docx) = %v, want ErrEncrypted", err)
	}
}
