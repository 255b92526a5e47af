package places

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The data format is UTF-8 text, one record a line, fields separated by
// tabs, optionally gzip-compressed. The first line is the header. Empty
// lines and lines starting with "#" are skipped. Records:
//
//	P  id  kind  parent  population  lat  lon  name  names  alternates
//	A  id  names  alternates
//	W  id  parent
//	D  word  ids
//	K  key  places
//	N  places  keys
//
// P defines a place. kind is C (country), R (region), D (district), P
// (populated place) or L (locality); parent is the ID of the place it lies
// within, empty only for a country, or "^" for the same parent as the
// previous P record of the source; population is a whole number or empty;
// lat and lon are decimal degrees, both empty when unknown; name is the
// display name. names is the "|"-separated list of names the place is
// looked up by, the display name among them; an entry starting with "=" is
// an abbreviation ("=U.S."), matched only when the text looked up has a
// full stop or no lower-case letter, so that "us" is not the United States.
// alternates is a "|"-separated list of other names (exonyms, former
// names), ranked below names when a name is ambiguous. Names may be written
// in any form; Load folds them with Normalize.
//
// A adds names to a place defined elsewhere. W sets a place's parent,
// overriding the one its P record gave. D says that word names the people
// of the places with the "|"-separated ids, the usual reading first. A, W
// and D may refer to places defined later in the data.
//
// K and N are what the builder writes instead of names in P records, so
// that loading needs no hashing of names: K files the places of a key, in
// the form Normalize gives, each key sorting after the one before; places
// is a "|"-separated list of place numbers (the 0-based count of P records
// before it), each prefixed "=" for an abbreviation or "~" for an
// alternate name. N, before any P record, announces how many places and K
// records follow, so that tables are sized once; it is only a hint.
const header = "#crosscheck-gazetteer\t1"

// Bounds on data that Load accepts; they keep a hostile or broken input
// from making it allocate without limit.
const (
	maxInput   = 64 << 20 // bytes, after decompression
	maxLine    = 64 << 10 // bytes
	maxFields  = 10
	maxIDLen   = 64
	maxDepth   = 12 // containing places above any place
	maxEntries = 1 << 24
	maxPop     = 1e11
)

// DataError reports malformed gazetteer data: where it is and what is
// wrong.
type DataError struct {
	// Source names the input: "input" for Load, a file name under data/
	// for Default.
	Source string
	// Line is the 1-based line number, or 0 for a problem with the input
	// as a whole.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error returns "places: SOURCE:LINE: MSG".
func (e *DataError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("places: %s: %s", e.Source, e.Msg)
	}
	return fmt.Sprintf("places: %s:%d: %s", e.Source, e.Line, e.Msg)
}

// Load reads a gazetteer in crosscheck's data format (described in
// docs/places.md), plain or gzip-compressed. It reads at most 64 MiB of
// (decompressed) data and returns a *DataError naming the line for
// malformed data: a missing header, an unknown record or kind, a wrong
// number of fields, a duplicate or unknown ID, a parent chain that loops or
// runs deeper than 12, a number out of range, a name with no letter or
// digit, a line over 64 KiB, or invalid UTF-8. It never panics on bad
// input.
func Load(r io.Reader) (*Gazetteer, error) {
	p := newParser()
	if err := p.read("input", r, true); err != nil {
		return nil, err
	}
	return p.finish()
}

// chunkSize is how much input the parser takes at a time. Decompression
// runs ahead, concurrently, by up to two chunks.
const chunkSize = 1 << 20

// where is a line of a source.
type where struct {
	src  string
	line int
}

// later is an A, W or D record, applied once every P record is read.
type later struct {
	where
	fields [maxFields]string
}

// parser reads sources into a Gazetteer.
type parser struct {
	g *Gazetteer
	// lineOf is the line of each entry's P record; its source is the
	// last in sources that starts at or before the entry. moved holds
	// the W record that last set an entry's parent.
	lineOf  []int32
	sources []sourceStart
	moved   map[int32]where
	// forward holds parents named before they were defined.
	forward []forwardParent
	// lastParent is the parent ID the previous P record gave, as
	// written, and the entry it names; "^" repeats it.
	lastParent    string
	lastParentIdx int32
	pending       []later
	total         int // bytes read, over all sources
}

// sourceStart is the first entry a source defines.
type sourceStart struct {
	name  string
	first int32
}

// forwardParent is a parent ID not yet defined where it was named.
type forwardParent struct {
	idx    int32
	parent string
}

// where returns where entry i was defined, or last moved.
func (p *parser) where(i int32) where {
	if w, ok := p.moved[i]; ok {
		return w
	}
	k := len(p.sources) - 1
	for k > 0 && p.sources[k].first > i {
		k--
	}
	return where{src: p.sources[k].name, line: int(p.lineOf[i])}
}

func newParser() *parser {
	return &parser{
		g: &Gazetteer{
			byID:     newIDIndex(0, 0),
			index:    make(map[string]uint32),
			demonyms: make(map[string][]int32),
		},
		moved: make(map[int32]where),
	}
}

// read parses one source. Only the first source carries the header; the
// others are supplements to it.
func (p *parser) read(name string, r io.Reader, header bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var rd io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return &DataError{Source: name, Msg: "gzip: " + err.Error()}
		}
		rd = zr
	}

	// A reader goroutine fills chunks while the parser works on the
	// previous ones.
	type chunk struct {
		b   []byte
		err error
	}
	chunks := make(chan chunk, 2)
	free := make(chan []byte, 3) // buffers the parser has copied out of
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(chunks)
		for {
			var b []byte
			select {
			case b = <-free:
			default:
				b = make([]byte, chunkSize)
			}
			n, err := io.ReadFull(rd, b[:chunkSize])
			if n > 0 {
				select {
				case chunks <- chunk{b: b[:n]}:
				case <-done:
					return
				}
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				select {
				case chunks <- chunk{err: err}:
				case <-done:
				}
				return
			}
		}
	}()

	p.lastParent, p.lastParentIdx = "", -1
	line := 1
	carry := ""
	for c := range chunks {
		if c.err != nil {
			return &DataError{Source: name, Line: line, Msg: "read: " + c.err.Error()}
		}
		p.total += len(c.b)
		if p.total > maxInput {
			return &DataError{Source: name, Msg: fmt.Sprintf("more than %d bytes", maxInput)}
		}
		text := carry + string(c.b)
		select {
		case free <- c.b[:cap(c.b)]:
		default:
		}
		cut := strings.LastIndexByte(text, '\n') + 1
		if err := p.parseLines(name, text[:cut], &line, &header); err != nil {
			return err
		}
		carry = text[cut:]
		if len(carry) > maxLine {
			return &DataError{Source: name, Line: line, Msg: fmt.Sprintf("line longer than %d bytes", maxLine)}
		}
	}
	if err := p.parseLines(name, carry, &line, &header); err != nil {
		return err
	}
	if header {
		return &DataError{Source: name, Line: 1, Msg: "empty, want the header line"}
	}
	return nil
}

// readString parses a source held in memory.
func (p *parser) readString(name, text string, header bool) error {
	p.total += len(text)
	if p.total > maxInput {
		return &DataError{Source: name, Msg: fmt.Sprintf("more than %d bytes", maxInput)}
	}
	p.lastParent, p.lastParentIdx = "", -1
	line := 1
	return p.parseLines(name, text, &line, &header)
}

// lines parses the lines of text, the first of them numbered *n; a last
// line without a newline counts as complete.
func (p *parser) parseLines(src, text string, n *int, wantHeader *bool) error {
	g := p.g
	for rest := text; rest != ""; *n++ {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if len(line) > maxLine {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("line longer than %d bytes", maxLine)}
		}
		if !utf8.ValidString(line) {
			return &DataError{Source: src, Line: *n, Msg: "invalid UTF-8"}
		}
		if *wantHeader {
			*wantHeader = false
			if line != header {
				return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("header is %.40q, want %q", line, header)}
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		rec := later{where: where{src: src, line: *n}}
		nf, ok := splitFields(line, &rec.fields)
		if !ok {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("more than %d fields", maxFields)}
		}
		want := fieldCount(rec.fields[0])
		if want == 0 {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("unknown record type %.20q", rec.fields[0])}
		}
		if nf != want {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("%s record has %d fields, want %d", rec.fields[0], nf, want)}
		}
		switch rec.fields[0] {
		case "N":
			p.sizeHint(rec.fields[1], rec.fields[2])
			continue
		case "K":
			if msg := p.sortedKey(rec.fields[1], rec.fields[2]); msg != "" {
				return &DataError{Source: src, Line: *n, Msg: msg}
			}
			continue
		}
		if rec.fields[0] != "P" {
			p.pending = append(p.pending, rec)
			continue
		}
		if len(g.entries) >= maxEntries {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("more than %d places", maxEntries)}
		}
		e, parent, msg := parsePlace(&rec.fields)
		if msg != "" {
			return &DataError{Source: src, Line: *n, Msg: msg}
		}
		idx := int32(len(g.entries))
		if !g.byID.put(e.id, idx) {
			return &DataError{Source: src, Line: *n, Msg: fmt.Sprintf("duplicate id %q", e.id)}
		}
		if parent == "^" {
			if p.lastParent == "" {
				return &DataError{Source: src, Line: *n, Msg: `parent "^" repeats the previous record's parent, but there is none`}
			}
			parent = p.lastParent
		}
		// Siblings come in runs: look their parent up once.
		e.parent = -1
		switch {
		case parent == "":
		case parent == p.lastParent && p.lastParentIdx >= 0:
			e.parent = p.lastParentIdx
		default:
			if pi, ok := g.byID.get(parent); ok {
				e.parent = pi
			} else {
				p.forward = append(p.forward, forwardParent{idx: idx, parent: parent})
			}
		}
		p.lastParent, p.lastParentIdx = parent, e.parent
		if len(p.sources) == 0 || p.sources[len(p.sources)-1].name != src {
			p.sources = append(p.sources, sourceStart{name: src, first: idx})
		}
		g.entries = append(g.entries, e)
		p.lineOf = append(p.lineOf, int32(*n))
		if msg := g.addNames(idx, rec.fields[8], rec.fields[9]); msg != "" {
			return &DataError{Source: src, Line: *n, Msg: msg}
		}
	}
	return nil
}

// maxHint caps the table sizes an N record may ask for.
const maxHint = 1 << 18

// sizeHint sizes the tables for the numbers of places and K records an N
// record announces, when they are still empty; a malformed or outsized
// hint is ignored, since it only saves time.
func (p *parser) sizeHint(places, keys string) {
	np, err1 := strconv.Atoi(places)
	nk, err2 := strconv.Atoi(keys)
	g := p.g
	if err1 != nil || err2 != nil || np <= 0 || nk <= 0 || np > maxHint || nk > maxHint || len(g.entries) > 0 || len(g.keys) > 0 {
		return
	}
	// Room for the hand-written supplements read after the hint's source.
	np += 1024
	g.entries = make([]entry, 0, np)
	g.byID = newIDIndex(np, np/2)
	p.lineOf = make([]int32, 0, np)
	g.keys = make([]string, 0, nk)
	g.keyStart = make([]uint32, 0, nk+1)
	g.keyRefs = make([]ref, 0, nk+nk/8)
}

// sortedKey reads a K record: a key, greater than the last, and the
// places it names, by their number among the P records read so far,
// prefixed "=" for an abbreviation and "~" for an alternate name. It
// returns a message when the record is malformed.
func (p *parser) sortedKey(key, refs string) string {
	g := p.g
	if key == "" || !isKey(key) && Normalize(key) != key {
		return fmt.Sprintf("key %.80q is not in the form Normalize gives", key)
	}
	if n := len(g.keys); n > 0 && key <= g.keys[n-1] {
		return fmt.Sprintf("key %.80q does not sort after %.80q", key, g.keys[n-1])
	}
	if len(g.keyStart) == 0 {
		g.keyStart = append(g.keyStart, 0)
	}
	start := len(g.keyRefs)
	for rest := refs; ; {
		tok := rest
		i := strings.IndexByte(rest, '|')
		if i >= 0 {
			tok, rest = rest[:i], rest[i+1:]
		}
		var r ref
		switch {
		case strings.HasPrefix(tok, "="):
			r, tok = refAbbrev, tok[1:]
		case strings.HasPrefix(tok, "~"):
			r, tok = refAlt, tok[1:]
		}
		n, ok := parseIndex(tok)
		if !ok || n >= len(g.entries) {
			g.keyRefs = g.keyRefs[:start]
			return fmt.Sprintf("bad place number %.20q: want one of the %d places read so far", tok, len(g.entries))
		}
		g.keyRefs = append(g.keyRefs, r|ref(n))
		if i < 0 {
			break
		}
	}
	g.keys = append(g.keys, key)
	g.keyStart = append(g.keyStart, uint32(len(g.keyRefs)))
	return ""
}

// finish links parents, checks chains and applies the A, W and D records.
func (p *parser) finish() (*Gazetteer, error) {
	g := p.g
	// Parents named before they were defined, then W records.
	for _, f := range p.forward {
		pi, ok := g.byID.get(f.parent)
		if !ok {
			return nil, p.where(f.idx).errorf("unknown parent %q", f.parent)
		}
		g.entries[f.idx].parent = pi
	}
	for _, rec := range p.pending {
		if rec.fields[0] != "W" {
			continue
		}
		i, ok := g.byID.get(rec.fields[1])
		if !ok {
			return nil, rec.errorf("unknown id %q", rec.fields[1])
		}
		pi, ok := g.byID.get(rec.fields[2])
		if !ok {
			return nil, rec.errorf("unknown parent %q", rec.fields[2])
		}
		g.entries[i].parent = pi
		p.moved[i] = rec.where
	}
	if err := p.checkChains(); err != nil {
		return nil, err
	}
	g.makeBoxes()

	for _, rec := range p.pending {
		switch rec.fields[0] {
		case "A":
			i, ok := g.byID.get(rec.fields[1])
			if !ok {
				return nil, rec.errorf("unknown id %q", rec.fields[1])
			}
			if msg := g.addNames(i, rec.fields[2], rec.fields[3]); msg != "" {
				return nil, rec.errorf("%s", msg)
			}
		case "D":
			key := Normalize(rec.fields[1])
			if key == "" {
				return nil, rec.errorf("demonym %q has no letter or digit", rec.fields[1])
			}
			for id := range strings.SplitSeq(rec.fields[2], "|") {
				i, ok := g.byID.get(id)
				if !ok {
					return nil, rec.errorf("unknown id %q", id)
				}
				if !slices.Contains(g.demonyms[key], i) {
					g.demonyms[key] = append(g.demonyms[key], i)
				}
			}
		}
	}
	return g, nil
}

// makeBoxes draws, for each country and division, the box around the
// populated places listed within it.
func (g *Gazetteer) makeBoxes() {
	for i := range g.entries {
		g.entries[i].box = -1
	}
	for i := range g.entries {
		e := &g.entries[i]
		if !e.coords || e.kind <= District {
			continue
		}
		for j := e.parent; j >= 0; j = g.entries[j].parent {
			a := &g.entries[j]
			if a.kind > District {
				continue
			}
			if a.box < 0 {
				a.box = int32(len(g.boxes))
				g.boxes = append(g.boxes, box{e.lat, e.lon, e.lat, e.lon})
				continue
			}
			b := &g.boxes[a.box]
			b.minLat, b.maxLat = min(b.minLat, e.lat), max(b.maxLat, e.lat)
			b.minLon, b.maxLon = min(b.minLon, e.lon), max(b.maxLon, e.lon)
		}
	}
}

// errorf returns a *DataError at w.
func (w where) errorf(format string, args ...any) *DataError {
	return &DataError{Source: w.src, Line: w.line, Msg: fmt.Sprintf(format, args...)}
}

// parseIndex reads a place number: decimal digits, at most eight.
func parseIndex(s string) (int, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseCoord reads decimal degrees into hundredths of a degree. The
// builder writes two decimals ("-73.97"), read without strconv; other
// forms go through ParseFloat.
func parseCoord(s string) (int32, bool) {
	neg := false
	t := s
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	if dot := len(t) - 3; dot > 0 && dot <= 3 && t[dot] == '.' {
		n := int32(0)
		ok := true
		for i := 0; i < len(t); i++ {
			if i == dot {
				continue
			}
			c := t[i]
			if c < '0' || c > '9' {
				ok = false
				break
			}
			n = n*10 + int32(c-'0')
		}
		if ok {
			if neg {
				n = -n
			}
			return n, true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 180 {
		return 0, false
	}
	return int32(math.Round(f * 100)), true
}

// fieldCount returns the number of fields of a record of the type, or 0
// for an unknown type.
func fieldCount(typ string) int {
	switch typ {
	case "P":
		return 10
	case "A":
		return 4
	case "W", "D", "N", "K":
		return 3
	}
	return 0
}

// splitFields splits line at tabs into f, reporting the number of fields,
// or false when there are more than maxFields.
func splitFields(line string, f *[maxFields]string) (int, bool) {
	n := 0
	for {
		if n == maxFields {
			return n, false
		}
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			f[n] = line
			return n + 1, true
		}
		f[n], line = line[:i], line[i+1:]
		n++
	}
}

// parsePlace reads the fields of a P record. It returns the entry, its
// parent's ID, and a message when a field is malformed.
func parsePlace(f *[maxFields]string) (entry, string, string) {
	var e entry
	e.id = f[1]
	if e.id == "" || len(e.id) > maxIDLen || strings.ContainsAny(e.id, " |^") {
		return e, "", fmt.Sprintf("bad id %.80q: want 1 to %d bytes, no space, | or ^", e.id, maxIDLen)
	}
	k, ok := kindLetters[f[2]]
	if !ok {
		return e, "", fmt.Sprintf("unknown kind %.20q, want C, R, D, P or L", f[2])
	}
	e.kind = k
	parent := f[3]
	if parent == "" && k != Country {
		return e, "", fmt.Sprintf("a %s needs a parent", k)
	}
	if parent == e.id {
		return e, "", "a place cannot lie within itself"
	}
	if f[4] != "" {
		p, err := strconv.ParseInt(f[4], 10, 64)
		if err != nil || p < 0 || p > maxPop {
			return e, "", fmt.Sprintf("bad population %.40q", f[4])
		}
		e.pop = p
	}
	switch {
	case f[5] == "" && f[6] == "":
	case f[5] == "" || f[6] == "":
		return e, "", "lat and lon must be both given or both empty"
	default:
		lat, ok1 := parseCoord(f[5])
		lon, ok2 := parseCoord(f[6])
		if !ok1 || !ok2 || lat < -9000 || lat > 9000 || lon < -18000 || lon > 18000 {
			return e, "", fmt.Sprintf("bad coordinates %.40q %.40q", f[5], f[6])
		}
		e.lat, e.lon = lat, lon
		e.coords = true
	}
	if strings.TrimSpace(f[7]) == "" {
		return e, "", "empty display name"
	}
	e.name = f[7]
	return e, parent, ""
}

// checkChains rejects parent chains that loop or run too deep, and records
// each entry's depth.
func (p *parser) checkChains() error {
	g := p.g
	const unset = -1
	depth := make([]int8, len(g.entries))
	for i := range depth {
		depth[i] = unset
	}
	var path []int32
	for i := range g.entries {
		path = path[:0]
		j := int32(i)
		for j >= 0 && depth[j] == unset {
			if len(path) > maxDepth {
				return p.where(int32(i)).errorf("chain of containing places loops or is deeper than %d", maxDepth)
			}
			path = append(path, j)
			j = g.entries[j].parent
		}
		d := int8(-1)
		if j >= 0 {
			d = depth[j]
		}
		for k := len(path) - 1; k >= 0; k-- {
			d++
			if d > maxDepth {
				return p.where(int32(i)).errorf("chain of containing places loops or is deeper than %d", maxDepth)
			}
			depth[path[k]] = d
		}
	}
	for i := range g.entries {
		g.entries[i].depth = uint8(depth[i])
	}
	return nil
}

// addNames indexes the "|"-separated names and alternates of entry i. It
// returns a message for a bad name.
func (g *Gazetteer) addNames(i int32, names, alternates string) string {
	if names != "" {
		for n := range strings.SplitSeq(names, "|") {
			r := ref(i)
			if strings.HasPrefix(n, "=") {
				n = n[1:]
				r |= refAbbrev
			}
			key := Normalize(n)
			if key == "" {
				return fmt.Sprintf("name %.80q has no letter or digit", n)
			}
			g.addKey(key, r)
		}
	}
	if alternates == "" {
		return ""
	}
	for n := range strings.SplitSeq(alternates, "|") {
		key := Normalize(n)
		if key == "" {
			return fmt.Sprintf("alternate name %.80q has no letter or digit", n)
		}
		g.addKey(key, ref(i)|refAlt)
	}
	return ""
}

// addKey files r under key, keeping one reference per entry, the one of
// best rank.
func (g *Gazetteer) addKey(key string, r ref) {
	v, ok := g.index[key]
	if !ok {
		g.index[key] = uint32(r)
		return
	}
	if v&multi == 0 {
		old := ref(v)
		if old.idx() == r.idx() {
			if r.rank() < old.rank() {
				g.index[key] = uint32(r)
			}
			return
		}
		g.overflow = append(g.overflow, []ref{old, r})
		g.index[key] = multi | uint32(len(g.overflow)-1)
		return
	}
	list := g.overflow[v&^multi]
	for k, old := range list {
		if old.idx() == r.idx() {
			if r.rank() < old.rank() {
				list[k] = r
			}
			return
		}
	}
	g.overflow[v&^multi] = append(list, r)
}
