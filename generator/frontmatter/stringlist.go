package frontmatter

import "fmt"

// StringList is a TOML value written either as one string or as a list of
// strings: tema = "Økonomi" and tema = ["Økonomi", "Ledelse"] both work.
type StringList []string

// TOMLKind names the forms StringList accepts, for type errors.
func (StringList) TOMLKind() string { return "fm.kind.stringlist" }

// UnmarshalTOML implements toml.Unmarshaler.
func (s *StringList) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*s = StringList{v}
		return nil
	case []any:
		out := make(StringList, 0, len(v))
		for _, e := range v {
			str, ok := e.(string)
			if !ok {
				return fmt.Errorf("expected text, got %v", e)
			}
			out = append(out, str)
		}
		*s = out
		return nil
	}
	return fmt.Errorf("expected text or a list of texts")
}
