package places

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Gazetteer is a loaded set of places with their names. It is read-only:
// every method is safe for concurrent use.
type Gazetteer struct {
	entries []entry
	byID    idIndex
	// keys, keyRefs and keyStart are the sorted name index of K records:
	// the refs of keys[i] are keyRefs[keyStart[i]:keyStart[i+1]].
	keys     []string
	keyRefs  []ref
	keyStart []uint32
	// index holds the names of P and A records; it maps a key to one ref,
	// or, when the high bit is set, to the list overflow[v&^multi].
	index    map[string]uint32
	overflow [][]ref
	demonyms map[string][]int32
	// boxes holds, for each country and division with populated places
	// listed within it, the box around their points (entry.box indexes
	// it).
	boxes []box
}

// box is a latitude-longitude rectangle in hundredths of a degree.
type box struct{ minLat, minLon, maxLat, maxLon int32 }

// idIndex maps IDs to entries. GeoNames ids ("gn:" and a number), the
// bulk of the data, are kept by number: a smaller and faster table.
type idIndex struct {
	gn    map[uint32]int32
	other map[string]int32
}

func newIDIndex(gn, other int) idIndex {
	return idIndex{gn: make(map[uint32]int32, gn), other: make(map[string]int32, other)}
}

func (x *idIndex) get(id string) (int32, bool) {
	if n, ok := gnNumber(id); ok {
		i, ok := x.gn[n]
		return i, ok
	}
	i, ok := x.other[id]
	return i, ok
}

// put files entry i under id and reports false when id is taken.
func (x *idIndex) put(id string, i int32) bool {
	if n, ok := gnNumber(id); ok {
		before := len(x.gn)
		x.gn[n] = i
		return len(x.gn) > before
	}
	before := len(x.other)
	x.other[id] = i
	return len(x.other) > before
}

// gnNumber returns the number of a GeoNames id written canonically: "gn:"
// and up to nine digits without a leading zero.
func gnNumber(id string) (uint32, bool) {
	d, ok := strings.CutPrefix(id, "gn:")
	if !ok || d == "" || len(d) > 9 || d[0] == '0' {
		return 0, false
	}
	var n uint32
	for i := 0; i < len(d); i++ {
		c := d[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint32(c-'0')
	}
	return n, true
}

// entry is one place as stored.
type entry struct {
	id, name string
	parent   int32 // index of the containing place, -1 for none
	pop      int64
	lat, lon int32 // hundredths of a degree, when coords
	box      int32 // index in boxes, -1 for none
	kind     Kind
	depth    uint8 // number of containing places
	coords   bool
}

// ref is an entry index with how a name matched it.
type ref uint32

const (
	refIdx    = 1<<28 - 1
	refAbbrev = ref(1 << 28) // the name is an abbreviation
	refAlt    = ref(1 << 29) // the name is an alternate name
	multi     = 1 << 31      // in index values: the rest indexes overflow
)

func (r ref) idx() int32 { return int32(r & refIdx) }

// rank orders the ways a name can match an entry, best first.
func (r ref) rank() int {
	switch {
	case r&refAlt != 0:
		return 2
	case r&refAbbrev != 0:
		return 1
	}
	return 0
}

// cand is one reading of a name.
type cand struct {
	idx int32
	// alt is set when only an alternate name matched.
	alt bool
	// inside is set for a qualified name whose head is unknown ("UN
	// Headquarters, New York"): somewhere strictly within idx.
	inside bool
}

// kindSet is a set of kinds, one bit each; 0 means every kind.
type kindSet uint8

func kinds(ks ...Kind) kindSet {
	var s kindSet
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

func (s kindSet) has(k Kind) bool { return s == 0 || s&(1<<k) != 0 }

// Count returns the number of places of kind k.
func (g *Gazetteer) Count(k Kind) int {
	n := 0
	for i := range g.entries {
		if g.entries[i].kind == k {
			n++
		}
	}
	return n
}

// Get returns the place with the given ID (see Place.ID).
func (g *Gazetteer) Get(id string) (Place, bool) {
	i, ok := g.byID.get(id)
	if !ok {
		return Place{}, false
	}
	return g.place(i), true
}

// Lookup returns the places that name may denote, the likeliest first:
// places whose own name matches before places that only an alternate name
// (an exonym, a former name) matches, then the more populous first.
//
// Matching ignores case, accents and punctuation (Normalize): "SAO PAULO"
// finds São Paulo. Abbreviations such as "U.S.", "UK" or "N.Y." match only
// when written with a full stop or without lower-case letters, so "us" and
// "Mass" are not places while "US" and "Mass." are. When the name itself is
// unknown Lookup tries, in turn: without a leading "the" ("the United
// States"); without a trailing "-based" ("Jerusalem-based"); as a populated
// place without "City" or "City of" ("Quebec City"); as a division without
// a word such as "Province", "State" or "County" ("Sichuan Province"). A
// name with commas is read from the end: "Paris, Texas" is the Paris in
// Texas, and a head that does not lie within the rest is returned as read.
// Lookup returns nil for a name it does not know, including a qualified name
// whose head is unknown ("UN Headquarters, New York"); Relate still places
// such a name within the rest.
func (g *Gazetteer) Lookup(name string) []Place {
	return g.places(g.resolve(name))
}

// LookupIn is Lookup narrowed by context: hints are other places the text
// names (a country or region in the dateline, say). Readings of name that
// are, contain or lie within a reading of some hint are kept; when none
// is, the hints are ignored. LookupIn("Paris", "Texas") returns Paris,
// Texas; LookupIn("Paris", "Kenya") returns what Lookup("Paris") does.
func (g *Gazetteer) LookupIn(name string, hints ...string) []Place {
	return g.places(g.narrowByHints(g.resolve(name), hints))
}

// Demonym returns the places whose people the word names: "Israeli" →
// Israel, "South Korean" → South Korea, "Texan" → Texas. The usual reading
// comes first ("Korean" → South Korea, then North Korea). Matching is as in
// Lookup, and a plural ("Israelis") is tried without its final "s". It
// returns nil for a word that is not a demonym.
func (g *Gazetteer) Demonym(word string) []Place {
	key := Normalize(word)
	ids, ok := g.demonyms[key]
	if !ok {
		if short, cut := strings.CutSuffix(key, "s"); cut {
			ids = g.demonyms[short]
		}
	}
	if len(ids) == 0 {
		return nil
	}
	out := make([]Place, len(ids))
	for i, id := range ids {
		out[i] = g.place(id)
	}
	return out
}

// Within reports whether the place inner names lies within, or is, the
// place outer names: Relate(inner, outer) is Same or BContainsA.
func (g *Gazetteer) Within(inner, outer string) bool {
	r := g.Relate(inner, outer)
	return r == Same || r == BContainsA
}

// place builds the Place of entry i.
func (g *Gazetteer) place(i int32) Place {
	e := &g.entries[i]
	p := Place{ID: e.id, Name: e.name, Kind: e.kind, Population: e.pop}
	if e.kind == Country {
		p.Country = e.id
	}
	if e.depth > 0 {
		p.Within = make([]Ref, 0, e.depth)
	}
	for j := e.parent; j >= 0; j = g.entries[j].parent {
		pe := &g.entries[j]
		p.Within = append(p.Within, Ref{ID: pe.id, Name: pe.name, Kind: pe.kind})
		if p.Country == "" && pe.kind == Country {
			p.Country = pe.id
		}
	}
	return p
}

// places turns readings into Places, best first, leaving out readings
// that only say "somewhere within".
func (g *Gazetteer) places(cs []cand) []Place {
	cs = slices.DeleteFunc(slices.Clone(cs), func(c cand) bool { return c.inside })
	if len(cs) == 0 {
		return nil
	}
	slices.SortFunc(cs, g.compareCands)
	out := make([]Place, len(cs))
	for i, c := range cs {
		out[i] = g.place(c.idx)
	}
	return out
}

// compareCands orders readings best first: own name before alternate,
// more populous first, larger kind first, then by ID.
func (g *Gazetteer) compareCands(a, b cand) int {
	if a.alt != b.alt {
		if a.alt {
			return 1
		}
		return -1
	}
	ea, eb := &g.entries[a.idx], &g.entries[b.idx]
	if c := cmp.Compare(eb.pop, ea.pop); c != 0 {
		return c
	}
	if c := cmp.Compare(ea.kind, eb.kind); c != 0 {
		return c
	}
	return strings.Compare(ea.id, eb.id)
}

// maxCommaParts bounds how many comma-separated parts of a name are read.
const maxCommaParts = 6

// resolve returns every reading of name.
func (g *Gazetteer) resolve(name string) []cand {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if cs := g.resolvePlain(name); len(cs) > 0 {
		return cs
	}
	if !strings.Contains(name, ",") {
		return nil
	}
	parts := strings.Split(name, ",")
	if len(parts) > maxCommaParts {
		parts = parts[len(parts)-maxCommaParts:]
	}
	// Read from the end: each part narrows the one before it.
	var outer []cand
	for i := len(parts) - 1; i >= 0; i-- {
		part := strings.TrimSpace(parts[i])
		if part == "" {
			continue
		}
		cs := g.resolvePlain(part)
		switch {
		case len(cs) == 0 && len(outer) > 0:
			// An unknown part inside a known one: somewhere within it.
			in := make([]cand, len(outer))
			for k, c := range outer {
				in[k] = cand{idx: c.idx, alt: c.alt, inside: true}
			}
			outer = in
		case len(cs) > 0 && len(outer) > 0:
			if n := g.narrow(cs, outer); len(n) > 0 {
				cs = n
			}
			outer = cs
		default:
			outer = cs
		}
	}
	return outer
}

// resolvePlain returns the readings of a name without commas, trying the
// variants Lookup describes.
func (g *Gazetteer) resolvePlain(name string) []cand {
	return g.resolveKey(Normalize(name), abbrevAllowed(name), 0, 0)
}

// abbrevAllowed reports whether s may be an abbreviation: it has a full
// stop or no lower-case letter.
func abbrevAllowed(s string) bool {
	if strings.Contains(s, ".") {
		return true
	}
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// cityWords and divisionWords are words a name may carry around the name
// proper; Lookup drops them when the name itself is unknown.
var (
	cityKinds     = kinds(City, Locality)
	divisionKinds = kinds(Region, District)
	divisionWords = []string{"province", "state", "county", "district", "region", "prefecture",
		"division", "oblast", "governorate", "municipality", "department", "parish", "territory"}
)

// resolveKey looks key up, then its variants, keeping readings of the
// given kinds. depth bounds the variants tried in a row.
func (g *Gazetteer) resolveKey(key string, abbrev bool, ks kindSet, depth int) []cand {
	if key == "" {
		return nil
	}
	if cs := g.match(key, abbrev, ks); len(cs) > 0 {
		return cs
	}
	if depth >= 3 {
		return nil
	}
	try := func(k string, more kindSet) []cand {
		if k == "" || k == key {
			return nil
		}
		next := ks
		if more != 0 {
			if ks != 0 {
				next = ks & more
				if next == 0 {
					return nil
				}
			} else {
				next = more
			}
		}
		return g.resolveKey(k, abbrev, next, depth+1)
	}
	if rest, ok := strings.CutPrefix(key, "the "); ok {
		if cs := try(rest, 0); len(cs) > 0 {
			return cs
		}
	}
	if rest, ok := strings.CutSuffix(key, " based"); ok {
		if cs := try(rest, 0); len(cs) > 0 {
			return cs
		}
	}
	if rest, ok := strings.CutSuffix(key, " city"); ok {
		if cs := try(rest, cityKinds); len(cs) > 0 {
			return cs
		}
	}
	if rest, ok := strings.CutPrefix(key, "city of "); ok {
		if cs := try(rest, cityKinds); len(cs) > 0 {
			return cs
		}
	}
	for _, w := range divisionWords {
		if rest, ok := strings.CutSuffix(key, " "+w); ok {
			if cs := try(rest, divisionKinds); len(cs) > 0 {
				return cs
			}
		}
		if rest, ok := strings.CutPrefix(key, w+" of "); ok {
			if cs := try(rest, divisionKinds); len(cs) > 0 {
				return cs
			}
		}
	}
	return nil
}

// match returns the readings filed under key.
func (g *Gazetteer) match(key string, abbrev bool, ks kindSet) []cand {
	var sorted, named []ref
	if i, ok := slices.BinarySearch(g.keys, key); ok {
		sorted = g.keyRefs[g.keyStart[i]:g.keyStart[i+1]]
	}
	if v, ok := g.index[key]; ok {
		if v&multi != 0 {
			named = g.overflow[v&^multi]
		} else {
			named = []ref{ref(v)}
		}
	}
	var out []cand
	for _, list := range [2][]ref{sorted, named} {
	refs:
		for _, r := range list {
			if r&refAbbrev != 0 && !abbrev || !ks.has(g.entries[r.idx()].kind) {
				continue
			}
			c := cand{idx: r.idx(), alt: r&refAlt != 0}
			for k := range out {
				if out[k].idx == c.idx {
					out[k].alt = out[k].alt && c.alt
					continue refs
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// narrowByHints keeps the readings related to a reading of some hint, or
// all of them when none is.
func (g *Gazetteer) narrowByHints(cs []cand, hints []string) []cand {
	if len(cs) < 2 || len(hints) == 0 {
		return cs
	}
	var ctx []cand
	for _, h := range hints {
		ctx = append(ctx, bestTier(g.resolve(h))...)
	}
	if n := g.narrow(cs, ctx); len(n) > 0 {
		return n
	}
	return cs
}

// narrow returns the readings in cs that are, contain or lie within a
// reading in ctx.
func (g *Gazetteer) narrow(cs, ctx []cand) []cand {
	var out []cand
	for _, c := range cs {
		for _, h := range ctx {
			if c.idx == h.idx || g.isAncestor(c.idx, h.idx) || g.isAncestor(h.idx, c.idx) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// bestTier drops alternate-name readings when some reading matched by own
// name.
func bestTier(cs []cand) []cand {
	own := false
	for _, c := range cs {
		own = own || !c.alt
	}
	if !own {
		return cs
	}
	out := make([]cand, 0, len(cs))
	for _, c := range cs {
		if !c.alt {
			out = append(out, c)
		}
	}
	return out
}

// isAncestor reports whether a contains b (strictly).
func (g *Gazetteer) isAncestor(a, b int32) bool {
	if g.entries[a].depth >= g.entries[b].depth {
		return false
	}
	for j := g.entries[b].parent; j >= 0; j = g.entries[j].parent {
		if j == a {
			return true
		}
	}
	return false
}

// distanceKm is the great-circle distance between two entries with
// coordinates.
func distanceKm(a, b *entry) float64 {
	return distanceKmAt(a.lat, a.lon, b.lat, b.lon)
}

// boxDistanceKm is the distance from a point to the nearest point of a
// box, all in hundredths of a degree; 0 inside the box.
func boxDistanceKm(lat, lon int32, b box) float64 {
	return distanceKmAt(lat, lon, min(max(lat, b.minLat), b.maxLat), min(max(lon, b.minLon), b.maxLon))
}

// distanceKmAt is the great-circle distance between two points given in
// hundredths of a degree.
func distanceKmAt(lat1, lon1, lat2, lon2 int32) float64 {
	const earthKm = 6371.0
	rad := math.Pi / 180 / 100
	la1, la2 := float64(lat1)*rad, float64(lat2)*rad
	dla, dlo := la2-la1, float64(lon2-lon1)*rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// reachKm is how far a populated place of the given population may reach
// from its point: the radius of a disc settled at 500 people per km², at
// least 3 km. Generous on purpose: it only decides when two places are
// surely apart.
func reachKm(pop int64) float64 {
	return math.Max(3, math.Sqrt(float64(pop)/500/math.Pi))
}
