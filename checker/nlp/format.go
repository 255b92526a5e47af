package nlp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The model file is a gzip stream (or, for Load, the bare stream) of:
//
//	magic "crosscheck-nlp\x00", uvarint format version
//	tag classes:   uvarint n, then n × (string XPOS, string UPOS)
//	relations:     uvarint n, n × (string, uvarint group), group by group
//	tagger gate:   uvarint (see Model.gate)
//	tag dictionary: uvarint n, n × (string word, uvarint class), words increasing
//	lexicon:       uvarint n, n × (string word, 8-byte little-endian class-set hash), words increasing
//	lemma table:   uvarint n, n × (uvarint XPOS index, string word, string lemma)
//	tagger passes 1 and 2, parser: linear models (see encoder.linear): uvarint
//	               classes, float32 scale, uvarint n, n features
//	string "end"
//
// Strings are a uvarint length and bytes. XPOS indices number the distinct
// XPOS tags of the tag classes in order of first appearance.

const (
	fileMagic     = "crosscheck-nlp\x00"
	formatVersion = 1

	// Bounds Load holds a model to; a file outside them is malformed.
	maxModelBytes = 256 << 20 // the stream after decompression
	maxStringLen  = 1 << 10
	maxTagClasses = 255
	maxRelations  = 63 // label sets are 64-bit masks
)

// ErrFormat is wrapped by every error Load returns for malformed input.
var ErrFormat = errors.New("nlp: malformed model file")

// Load reads a model written by Model.WriteTo, gzip-compressed or not. It
// checks every count and index against the data, so malformed input gives
// an error wrapping ErrFormat, never a panic or an allocation much larger
// than the input; input that decompresses to more than 256 MiB is refused.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	var src io.Reader = br
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		defer zr.Close()
		src = zr
	}
	data, err := io.ReadAll(io.LimitReader(src, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrFormat, maxModelBytes)
	}
	return decodeModel(data)
}

// decoder reads the model format from a byte slice, keeping the first
// error; reads after an error return zero values.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrFormat, d.off, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) left() int { return len(d.b) - d.off }

// uvarint reads a uvarint no larger than limit.
func (d *decoder) uvarint(limit uint64, what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("%s: bad or truncated number", what)
		return 0
	}
	if v > limit {
		d.fail("%s: %d is more than %d", what, v, limit)
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint(lo, hi int64, what string) int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.fail("%s: bad or truncated number", what)
		return 0
	}
	if v < lo || v > hi {
		d.fail("%s: %d outside [%d, %d]", what, v, lo, hi)
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) str(what string) string {
	n := int(d.uvarint(maxStringLen, what+" length"))
	if d.err != nil {
		return ""
	}
	if n > d.left() {
		d.fail("%s: truncated", what)
		return ""
	}
	s := string(d.b[d.off : d.off+n])
	d.off += n
	return s
}

// count reads a number of items, each taking at least minBytes bytes, so a
// count the remaining data cannot hold is refused before any allocation.
func (d *decoder) count(limit uint64, minBytes int, what string) int {
	n := d.uvarint(limit, what)
	if d.err == nil && n > uint64(d.left()/minBytes) {
		d.fail("%s: %d items cannot fit in the %d bytes left", what, n, d.left())
		return 0
	}
	return int(n)
}

func decodeModel(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(fileMagic)) {
		return nil, fmt.Errorf("%w: not a crosscheck NLP model (bad magic)", ErrFormat)
	}
	d := &decoder{b: data, off: len(fileMagic)}
	if v := d.uvarint(1<<16, "format version"); d.err == nil && v != formatVersion {
		return nil, fmt.Errorf("%w: format version %d, this build reads %d", ErrFormat, v, formatVersion)
	}
	m := &Model{}

	nt := d.count(maxTagClasses, 2, "tag classes")
	xposIndex := map[string]int{}
	for i := 0; i < nt && d.err == nil; i++ {
		t := tagClass{xpos: d.str("XPOS"), upos: d.str("UPOS")}
		xi, ok := xposIndex[t.xpos]
		if !ok {
			xi = len(m.xpos)
			xposIndex[t.xpos] = xi
			m.xpos = append(m.xpos, t.xpos)
		}
		t.xi = xi
		m.tags = append(m.tags, t)
	}
	if d.err == nil && nt == 0 {
		d.fail("no tag classes")
	}
	m.uposOf = uposIndex(m.tags)
	m.finite = finiteClasses(m.tags)

	nr := d.count(maxRelations, 2, "relations")
	var rels []string
	var groups []uint8
	for i := 0; i < nr && d.err == nil; i++ {
		rels = append(rels, d.str("relation"))
		groups = append(groups, uint8(d.uvarint(maxRelations, "relation group")))
	}
	if d.err == nil {
		if err := m.setRelations(rels, groups); err != nil {
			d.fail("%v", err)
		}
	}
	m.gate = int32(d.uvarint(1<<30, "tagger gate"))

	nd := d.count(1<<24, 2, "tag dictionary")
	m.tagDict = make(map[string]uint8, nd)
	prev := ""
	for i := 0; i < nd && d.err == nil; i++ {
		w := d.str("dictionary word")
		c := d.uvarint(uint64(max(nt, 1)-1), "dictionary class")
		if i > 0 && w <= prev {
			d.fail("dictionary words out of order")
		}
		prev = w
		m.tagDict[w] = uint8(c)
	}

	nx := d.count(1<<24, 9, "lexicon")
	m.lexicon = make(map[string]uint64, nx)
	prev = ""
	for i := 0; i < nx && d.err == nil; i++ {
		w := d.str("lexicon word")
		if d.left() < 8 {
			d.fail("lexicon: truncated")
			break
		}
		h := binary.LittleEndian.Uint64(d.b[d.off:])
		d.off += 8
		if i > 0 && w <= prev {
			d.fail("lexicon words out of order")
		}
		prev = w
		m.lexicon[w] = h
	}

	nl := d.count(1<<24, 3, "lemma table")
	m.lemmas = make([]map[string]string, len(m.xpos))
	for i := range m.lemmas {
		m.lemmas[i] = map[string]string{}
	}
	for i := 0; i < nl && d.err == nil; i++ {
		xi := d.uvarint(uint64(max(len(m.xpos), 1)-1), "lemma XPOS")
		w, l := d.str("lemma word"), d.str("lemma")
		if d.err == nil {
			m.lemmas[xi][w] = l
		}
	}

	m.tagger = d.linear("tagger", nt)
	m.tagger2 = d.linear("second tagger", nt)
	m.parser = d.linear("parser", actionClasses(len(m.groupAt)-1)+2*nr)
	if d.err == nil && d.str("end marker") != "end" {
		d.fail("missing end marker")
	}
	if d.err == nil && d.left() != 0 {
		d.fail("%d bytes after the end marker", d.left())
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

// linear reads a linear model that must have nclass classes.
func (d *decoder) linear(what string, nclass int) linear {
	got := int(d.uvarint(256, what+" classes"))
	if d.err == nil && got != nclass {
		d.fail("%s: %d classes, want %d", what, got, nclass)
	}
	var scale float32
	if d.err == nil {
		if d.left() < 4 {
			d.fail("%s: truncated scale", what)
		} else {
			scale = math.Float32frombits(binary.LittleEndian.Uint32(d.b[d.off:]))
			d.off += 4
			if !(scale > 0) || math.IsInf(float64(scale), 0) {
				d.fail("%s: scale %v", what, scale)
			}
		}
	}
	nf := d.count(1<<26, 3, what+" features")
	b := linearBuilder{nclass: nclass, scale: scale}
	if d.err != nil {
		return b.build()
	}
	// Two passes over the features: the first checks them and counts the
	// weights, so the second fills arrays of exactly the right size.
	start := d.off
	total := d.features(what, nclass, nf, nil)
	if d.err != nil {
		return linear{nclass: nclass}
	}
	d.off = start
	b.keys = make([]uint32, 0, nf)
	b.at = make([]uint32, 0, nf)
	b.ent = make([]uint32, 0, total)
	d.features(what, nclass, nf, &b)
	if d.err != nil {
		return linear{nclass: nclass}
	}
	return b.build()
}

// features reads nf features of a linear model with nclass classes, adding
// them to b when it is not nil, and returns how many uint32 entries they
// take in linear.ent.
func (d *decoder) features(what string, nclass, nf int, b *linearBuilder) int {
	keyWhat, countWhat, classWhat, weightWhat := what+" key", what+" feature classes", what+" class", what+" weight"
	total := 0
	var key uint64
	cls := make([]uint8, 0, nclass)
	wt := make([]int16, 0, nclass)
	for i := 0; i < nf && d.err == nil; i++ {
		delta := d.uvarint(1<<32-1, keyWhat)
		if i > 0 && delta == 0 {
			d.fail("%s: repeated feature key", what)
		}
		key += delta
		if key > 1<<32-1 {
			d.fail("%s: feature key beyond 32 bits", what)
		}
		k := d.uvarint(uint64(nclass), countWhat)
		if d.err == nil && k == 0 {
			d.fail("%s: feature without classes", what)
		}
		cls, wt = cls[:0], wt[:0]
		c := uint64(0)
		for j := uint64(0); j < k && d.err == nil; j++ {
			dc := d.uvarint(uint64(nclass), classWhat)
			if j > 0 && dc == 0 {
				d.fail("%s: repeated class", what)
			}
			c += dc
			if c >= uint64(nclass) {
				d.fail("%s: class %d of %d", what, c, nclass)
			}
			w := d.varint(-1<<15, 1<<15-1, weightWhat)
			cls = append(cls, uint8(c))
			wt = append(wt, int16(w))
		}
		total += 1 + int(k)
		if d.err == nil && b != nil {
			b.add(uint32(key), cls, wt)
		}
	}
	return total
}

// WriteTo writes the model in its file format, gzip-compressed, to w. The
// same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if err := m.encode(zw); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

// encode writes the bare (uncompressed) model format to w.
func (m *Model) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := encoder{w: bw}
	e.raw([]byte(fileMagic))
	e.uvarint(formatVersion)
	e.uvarint(uint64(len(m.tags)))
	for _, t := range m.tags {
		e.str(t.xpos)
		e.str(t.upos)
	}
	e.uvarint(uint64(len(m.rels)))
	for i, r := range m.rels {
		e.str(r)
		e.uvarint(uint64(m.relGroup[i]))
	}
	e.uvarint(uint64(max(m.gate, 0)))

	words := make([]string, 0, len(m.tagDict))
	for w := range m.tagDict {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.tagDict[w]))
	}

	words = words[:0]
	for w := range m.lexicon {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.raw(binary.LittleEndian.AppendUint64(e.buf[:0], m.lexicon[w]))
	}

	type lem struct {
		xi      int
		w, lemm string
	}
	var lems []lem
	for xi, tab := range m.lemmas {
		for w, l := range tab {
			lems = append(lems, lem{xi, w, l})
		}
	}
	slices.SortFunc(lems, func(a, b lem) int {
		if a.xi != b.xi {
			return a.xi - b.xi
		}
		return strings.Compare(a.w, b.w)
	})
	e.uvarint(uint64(len(lems)))
	for _, l := range lems {
		e.uvarint(uint64(l.xi))
		e.str(l.w)
		e.str(l.lemm)
	}
	e.linear(&m.tagger)
	e.linear(&m.tagger2)
	e.linear(&m.parser)
	e.str("end")
	if e.err == nil {
		e.err = bw.Flush()
	}
	return e.err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) raw(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) uvarint(v uint64) { e.raw(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) varint(v int64)   { e.raw(e.buf[:binary.PutVarint(e.buf[:], v)]) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.raw([]byte(s))
}

// linear writes keys as increasing deltas and each feature's classes as
// increasing deltas with their weights, which gzip packs well.
func (e *encoder) linear(m *linear) {
	e.uvarint(uint64(m.nclass))
	e.raw(binary.LittleEndian.AppendUint32(e.buf[:0], math.Float32bits(m.scale)))
	e.uvarint(uint64(m.nfeat))
	prev := uint32(0)
	m.each(func(key uint32, cls []uint8, wt []int16) {
		e.uvarint(uint64(key - prev))
		prev = key
		e.uvarint(uint64(len(cls)))
		pc := uint8(0)
		for i, c := range cls {
			e.uvarint(uint64(c - pc))
			pc = c
			e.varint(int64(wt[i]))
		}
	})
}
