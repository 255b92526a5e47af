package places

import (
	"bytes"
	"compress/gzip"
	"errors"
	"testing"
)

func FuzzLoad(f *testing.F) {
	f.Add([]byte(tiny))
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(tiny))
	zw.Close()
	f.Add(buf.Bytes())
	f.Add([]byte("#crosscheck-gazetteer\t1\nP\tXX\tC\t\t\t\t\tX\tX\t\nW\tXX\tXX\n"))
	f.Add([]byte("#crosscheck-gazetteer\t1\nN\t3\t3\nP\tXX\tC\t\t5\t\t\tX\t\t\nK\tx\t=0|~0\nD\tXish\tXX|XX\n"))
	f.Add([]byte("#crosscheck-gazetteer\t1\r\nP\tgn:7\tC\t\t\t-90\t180\tX\tX|=X.\tx y\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load(bytes.NewReader(data))
		if err != nil {
			var de *DataError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is a %T, want *DataError", err, err)
			}
			if g != nil {
				t.Fatal("a Gazetteer with an error")
			}
			return
		}
		// Whatever loaded can be queried.
		for _, name := range []string{"x", "X", "alpha", "Gamma, North Province", "Xland"} {
			for _, p := range g.Lookup(name) {
				if p.ID == "" || p.Name == "" || p.Kind < Country || p.Kind > Locality {
					t.Fatalf("bad place %+v", p)
				}
			}
			_ = g.Relate(name, "Xland")
			_ = g.Demonym(name)
		}
	})
}

func FuzzLookup(f *testing.F) {
	g, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Luxian", "Sichuan")
	f.Add("UN Headquarters, New York", "New York City")
	f.Add("Paris, Texas", "the U.S.")
	f.Add("Jerusalem-based", "Israeli")
	f.Add("Quebec City", "Trois-Rivières")
	f.Add(",,,", "\xff\xfe")
	f.Add("a, b, c, d, e, f, g, h, Dhaka", "city of city of city")
	f.Fuzz(func(t *testing.T, a, b string) {
		key := Normalize(a)
		if Normalize(key) != key {
			t.Fatalf("Normalize(%q) = %q is not its own key", a, key)
		}
		for _, p := range g.LookupIn(a, b) {
			if p.ID == "" || p.Name == "" || p.Kind < Country || p.Kind > Locality {
				t.Fatalf("bad place %+v", p)
			}
			for _, r := range p.Within {
				if _, ok := g.Get(r.ID); !ok {
					t.Fatalf("%s lies within unknown %s", p.ID, r.ID)
				}
			}
		}
		ab, ba := g.Relate(a, b), g.Relate(b, a)
		if ba != mirror(ab) {
			t.Fatalf("Relate(%q, %q) = %s but Relate(%q, %q) = %s", a, b, ab, b, a, ba)
		}
		if g.Within(a, b) != (ab == Same || ab == BContainsA) {
			t.Fatalf("Within(%q, %q) disagrees with Relate = %s", a, b, ab)
		}
		_ = g.Demonym(a)
	})
}
