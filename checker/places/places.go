// Package places is crosscheck's gazetteer: which names are places, of what
// kind, and which place lies within which. Two articles that put one event
// in "Luxian" and in "Sichuan", or in "Jerusalem" and in "Israel", name it
// at different levels; they do not contradict each other, and Relate says
// so.
//
// The data is built from GeoNames (CC BY 4.0) by internal/cmd/buildgazetteer
// into data/gazetteer.tsv.gz, with hand-written additions beside it (see
// docs/places.md for the sources, what they hold and how to rebuild). It
// holds countries, first-level divisions (states, provinces), second-level
// divisions (counties, prefectures), populated places, and a few parts of
// cities, each with its names, its population where known, and the place
// it lies within.
//
// A Gazetteer is read-only once loaded and safe for concurrent use. Default
// loads the embedded data once per process; Load reads a gazetteer from
// any reader, for tests and for data built elsewhere.
package places

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// Kind is what sort of place a Place is, from the largest to the smallest.
type Kind uint8

// The kinds of place. Their order is their rank: a place's containing
// places are of an earlier kind, except that a dependency (Hong Kong, Puerto
// Rico) is a Country within a Country.
const (
	// Country is a sovereign state or a dependent territory with its own
	// ISO 3166-1 code.
	Country Kind = iota + 1
	// Region is a first-level division: a state, province, region.
	Region
	// District is a second-level or lower division: a county, district,
	// prefecture.
	District
	// City is a populated place: a city, town or village.
	City
	// Locality is a part of a populated place: a neighbourhood, quarter or
	// borough.
	Locality
)

var kindNames = [...]string{"", "country", "region", "district", "city", "locality"}

// String returns the kind's lower-case name ("country", ..., "locality"),
// or "unknown" for a value outside the constants.
func (k Kind) String() string {
	if k >= Country && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// kindLetters are the one-letter codes of the kinds in the data format.
var kindLetters = map[string]Kind{"C": Country, "R": Region, "D": District, "P": City, "L": Locality}

// Ref names a place without its chain of containing places.
type Ref struct {
	// ID is the place's stable identifier (see Place.ID).
	ID string
	// Name is the place's display name.
	Name string
	// Kind is what sort of place it is.
	Kind Kind
}

// Place is one place of the gazetteer.
type Place struct {
	// ID is stable across rebuilds of the same sources: the ISO 3166-1
	// alpha-2 code for a country ("IL"), the GeoNames division code for a
	// division ("US.NY", "US.NY.061"), "gn:" and the GeoNames id for a
	// populated place ("gn:5128581"), and "x:" and a name for a place
	// added by hand ("x:old-dhaka").
	ID string
	// Name is the display name, with its accents ("Trois-Rivières").
	Name string
	// Kind is what sort of place it is.
	Kind Kind
	// Country is the ID of the nearest place of kind Country among the
	// place itself and its containing places: "HK" for Kowloon, "IL" for
	// Jerusalem. It is "" only for data whose chain holds no country.
	Country string
	// Population is the number of inhabitants, or 0 when unknown. For a
	// country or division it is the sum over the populated places the
	// data lists within it: a rough estimate (small places are missing, a
	// city and its boroughs both count) meant for ranking the readings of
	// an ambiguous name, not for citing.
	Population int64
	// Within lists the containing places, innermost first: for Luxian,
	// Luzhou Shi, Sichuan, China.
	Within []Ref
}

// String returns the place's name with its chain, innermost first:
// "Luxian, Luzhou Shi, Sichuan, China".
func (p Place) String() string {
	var b strings.Builder
	b.WriteString(p.Name)
	for _, r := range p.Within {
		b.WriteString(", ")
		b.WriteString(r.Name)
	}
	return b.String()
}

// Relation is how two named places lie with respect to each other.
type Relation uint8

// The relations Relate returns.
const (
	// Unknown means the data cannot tell: a name is not a known place, its
	// readings disagree with no reading clearly preferred, or the places
	// may overlap (two parts of one city, a city and a county it may
	// spill into).
	Unknown Relation = iota
	// Same means both names denote the same place.
	Same
	// AContainsB means the first place contains the second.
	AContainsB
	// BContainsA means the second place contains the first.
	BContainsA
	// Disjoint means both are known and provably apart: different
	// countries or divisions, or populated places too far apart to touch.
	Disjoint
)

var relationNames = [...]string{"unknown", "same", "a-contains-b", "b-contains-a", "disjoint"}

// String returns the relation's name: "unknown", "same", "a-contains-b",
// "b-contains-a" or "disjoint".
func (r Relation) String() string {
	if int(r) < len(relationNames) {
		return relationNames[r]
	}
	return "unknown"
}

// Nested reports whether the relation is Same, AContainsB or BContainsA:
// two names that are not at odds about where something is.
func (r Relation) Nested() bool {
	return r == Same || r == AContainsB || r == BContainsA
}

// gazetteerGz is the built gazetteer (internal/cmd/buildgazetteer).
//
//go:embed data/gazetteer.tsv.gz
var gazetteerGz []byte

// extraTSV holds places, names and parents added by hand.
//
//go:embed data/extra.tsv
var extraTSV []byte

// demonymsTSV holds the adjectives and nouns for the people of a place.
//
//go:embed data/demonyms.tsv
var demonymsTSV []byte

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built into the binary: the GeoNames data
// in data/gazetteer.tsv.gz together with the hand-written data/extra.tsv
// and data/demonyms.tsv. It is loaded on first use, once per process; every
// call returns the same *Gazetteer, or the same error if the embedded data
// is broken.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultG, defaultErr = loadDefault()
	})
	return defaultG, defaultErr
}

func loadDefault() (*Gazetteer, error) {
	p := newParser()
	if err := p.read("data/gazetteer.tsv.gz", bytes.NewReader(gazetteerGz), true); err != nil {
		return nil, err
	}
	if err := p.readString("data/extra.tsv", string(extraTSV), false); err != nil {
		return nil, err
	}
	if err := p.readString("data/demonyms.tsv", string(demonymsTSV), false); err != nil {
		return nil, err
	}
	return p.finish()
}
