package places

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaultGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	require.NoError(t, err)
	return g
}

func TestDefault(t *testing.T) {
	g := defaultGazetteer(t)
	again, err := Default()
	require.NoError(t, err)
	assert.Same(t, g, again, "Default loads once")

	// What the built data holds (docs/places.md quotes these numbers;
	// a rebuild that loses a level of places fails here).
	assert.Equal(t, 250, g.Count(Country))
	assert.Greater(t, g.Count(Region), 3800)
	assert.Greater(t, g.Count(District), 47000)
	assert.Greater(t, g.Count(City), 119000)
	assert.Greater(t, g.Count(Locality), 5000)
}

func TestRelate(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		name  string
		a, b  string
		hints []string
		want  Relation
	}{
		// The motivating cases: names at different levels nest.
		{name: "county in province", a: "Luxian", b: "Sichuan", want: BContainsA},
		{name: "province and county", a: "Sichuan", b: "Luxian", want: AContainsB},
		{name: "county seat in county, with context", a: "Fuji", b: "Luxian", hints: []string{"Sichuan"}, want: BContainsA},
		{name: "prefecture city in province", a: "Luzhou", b: "Sichuan", want: BContainsA},
		{name: "county in prefecture", a: "Luxian", b: "Luzhou", want: BContainsA},
		{name: "city in country", a: "Jerusalem", b: "Israel", want: BContainsA},
		{name: "-based forms", a: "Jerusalem-based", b: "Israel-based", want: BContainsA},
		{name: "capital in country", a: "Dhaka", b: "Bangladesh", want: BContainsA},
		{name: "city and its common short name", a: "New York City", b: "New York", want: Same},
		{name: "state in country", a: "New York", b: "United States", want: BContainsA},
		{name: "city in country", a: "New York City", b: "U.S.", want: BContainsA},
		{name: "building in city", a: "UN Headquarters, New York", b: "New York City", want: BContainsA},
		{name: "unknown head within known place", a: "Tweed Courthouse, New York City", b: "United States", want: BContainsA},
		{name: "unknown head against a place inside", a: "Some Plaza, New York", b: "Brooklyn", want: Unknown},
		{name: "borough in city", a: "Brooklyn", b: "New York City", want: BContainsA},
		{name: "city in province", a: "Trois-Rivières", b: "Quebec", want: BContainsA},
		{name: "city in country, no accent", a: "Trois-Rivieres", b: "Canada", want: BContainsA},
		{name: "accents and case", a: "TROIS-RIVIERES", b: "québec", want: BContainsA},
		{name: "province in country", a: "Quebec", b: "Canada", want: BContainsA},
		{name: "county in state", a: "Cook County", b: "Illinois", want: BContainsA},
		{name: "city in county", a: "Chicago", b: "Cook County", want: BContainsA},
		{name: "state abbreviation", a: "Cook County", b: "Ill.", want: BContainsA},
		{name: "dependency in country", a: "Hong Kong", b: "China", want: BContainsA},
		{name: "city of a dependency in country", a: "Kowloon", b: "China", want: BContainsA},
		{name: "accented city in country", a: "sao paulo", b: "Brazil", want: BContainsA},

		// Apart.
		{name: "two countries", a: "Israel", b: "Bangladesh", want: Disjoint},
		{name: "two divisions of a country", a: "Dhaka Division", b: "Chittagong Division", want: Disjoint},
		{name: "two cities far apart", a: "Los Angeles", b: "San Francisco", want: Disjoint},
		{name: "city and a far county", a: "San Francisco", b: "Cook County", want: Disjoint},

		// Ambiguity, told honestly.
		{name: "the likelier Paris is in France", a: "Paris", b: "Texas", want: Disjoint},
		{name: "context picks Paris, Texas", a: "Paris", b: "Texas", hints: []string{"Texas"}, want: BContainsA},
		{name: "qualified name picks Paris, Texas", a: "Paris, Texas", b: "Texas", want: BContainsA},
		{name: "Georgia country or state: cannot tell", a: "Georgia", b: "Atlanta", want: Unknown},
		{name: "context picks the state", a: "Georgia", b: "Atlanta", hints: []string{"United States"}, want: AContainsB},
		{name: "context picks the country", a: "Georgia", b: "Tbilisi", hints: []string{"Caucasus", "Tbilisi"}, want: AContainsB},
		{name: "own names before alternate names", a: "Salem", b: "Israel", want: Disjoint},
		{name: "a city may spill into the next county", a: "Atlanta", b: "DeKalb County", want: Unknown},
		{name: "two parts of one city may overlap", a: "Manhattan", b: "Harlem", want: Unknown},

		// Not places.
		{name: "budget", a: "Budget", b: "United States", want: Unknown},
		{name: "tax term", a: "Standard Deduction", b: "United States", want: Unknown},
		{name: "weekday", a: "Monday", b: "Dhaka", want: Unknown},
		{name: "pronoun, not the United States", a: "us", b: "Texas", want: Unknown},
		{name: "empty", a: "", b: "Texas", want: Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.RelateIn(tt.a, tt.b, tt.hints...)
			assert.Equal(t, tt.want, got, "RelateIn(%q, %q, %q) = %s", tt.a, tt.b, tt.hints, got)
			assert.Equal(t, mirror(tt.want), g.RelateIn(tt.b, tt.a, tt.hints...), "the relation is symmetric")
		})
	}
}

func mirror(r Relation) Relation {
	switch r {
	case AContainsB:
		return BContainsA
	case BContainsA:
		return AContainsB
	}
	return r
}

func TestWithin(t *testing.T) {
	g := defaultGazetteer(t)
	assert.True(t, g.Within("Luxian", "Sichuan"))
	assert.True(t, g.Within("Dhaka", "Dhaka"))
	assert.False(t, g.Within("Sichuan", "Luxian"))
	assert.False(t, g.Within("Dhaka", "India"))
	assert.False(t, g.Within("Monday", "India"))
}

func TestLookup(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		name   string
		query  string
		wantID string // the first reading; "" for none
		kind   Kind
	}{
		{"country", "United States", "US", Country},
		{"country with the", "the United States", "US", Country},
		{"dotted abbreviation", "U.S.", "US", Country},
		{"undotted abbreviation", "US", "US", Country},
		{"three letters", "USA", "US", Country},
		{"pronoun is no abbreviation", "us", "", 0},
		{"UK dotted", "U.K.", "GB", Country},
		{"UK undotted", "UK", "GB", Country},
		{"Britain", "Britain", "GB", Country},
		{"Great Britain", "Great Britain", "GB", Country},
		{"United Kingdom", "united kingdom", "GB", Country},
		{"older country name", "Burma", "MM", Country},
		{"state abbreviation needs its stop", "Mass", "", 0},
		{"state abbreviation", "Mass.", "US.MA", Region},
		{"state name", "Massachusetts", "US.MA", Region},
		{"New York is first the state", "New York", "US.NY", Region},
		{"New York City", "New York City", "gn:5128581", City},
		{"NYC", "NYC", "gn:5128581", City},
		{"City suffix", "Quebec City", "gn:6325494", City},
		{"Province suffix", "Sichuan Province", "CN.32", Region},
		{"State suffix", "New York State", "US.NY", Region},
		{"county by its own name", "Suffolk County", "US.NY.103", District},
		{"qualified name", "Paris, Texas", "gn:4717560", City},
		{"qualified with state abbreviation", "Paris, Tenn.", "gn:4647963", City},
		{"District of Columbia", "Washington, D.C.", "US.DC", Region},
		{"accents", "Trois-Rivières", "gn:6169141", City},
		{"accents dropped", "TROIS RIVIERES", "gn:6169141", City},
		{"alternate name", "Dacca", "gn:1185241", City},
		{"county added by hand", "Lu County", "x:luxian", District},
		{"not a place", "Budget", "", 0},
		{"not a place either", "Standard Deduction", "", 0},
		{"weekday", "Monday", "", 0},
		{"unknown head", "UN Plaza Annex, New York", "", 0},
		{"punctuation only", "...", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := g.Lookup(tt.query)
			if tt.wantID == "" {
				assert.Empty(t, ps)
				return
			}
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.wantID, ps[0].ID, "first reading of %q is %s", tt.query, ps[0])
			assert.Equal(t, tt.kind, ps[0].Kind)
		})
	}
}

func TestLookupChain(t *testing.T) {
	g := defaultGazetteer(t)
	ps := g.Lookup("Luxian")
	require.Len(t, ps, 1)
	p := ps[0]
	assert.Equal(t, "Luxian", p.Name)
	assert.Equal(t, "CN", p.Country)
	assert.Equal(t, District, p.Kind)
	var ids []string
	for _, r := range p.Within {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"CN.32.5105", "CN.32", "CN"}, ids)
	assert.Equal(t, "Luxian, Luzhou Shi, Sichuan, China", p.String())

	// A dependency's places name their own country code; the chain goes
	// on to the sovereign state.
	k := g.LookupIn("Kowloon", "Hong Kong")
	require.NotEmpty(t, k)
	assert.Equal(t, "HK", k[0].Country)
	assert.Equal(t, "CN", k[0].Within[len(k[0].Within)-1].ID)

	// Readings by own name come first, the more populous first; then
	// places that only an alternate name matches.
	paris := g.Lookup("Paris")
	require.Greater(t, len(paris), 5)
	assert.Equal(t, "FR", paris[0].Country)
	own := 0
	for own < len(paris) && paris[own].Name == "Paris" {
		own++
	}
	require.Greater(t, own, 5)
	for i := 1; i < own; i++ {
		assert.GreaterOrEqual(t, paris[i-1].Population, paris[i].Population)
	}
}

func TestLookupIn(t *testing.T) {
	g := defaultGazetteer(t)
	ps := g.LookupIn("Paris", "Texas")
	require.Len(t, ps, 1)
	assert.Equal(t, "gn:4717560", ps[0].ID)

	// A hint that fits no reading is ignored.
	assert.Equal(t, g.Lookup("Paris"), g.LookupIn("Paris", "Kenya"))
	assert.Equal(t, g.Lookup("Paris"), g.LookupIn("Paris", "Budget"))
}

func TestGet(t *testing.T) {
	g := defaultGazetteer(t)
	p, ok := g.Get("IL")
	require.True(t, ok)
	assert.Equal(t, "Israel", p.Name)
	assert.Equal(t, "IL", p.Country)
	assert.Empty(t, p.Within)
	_, ok = g.Get("gn:281184")
	assert.True(t, ok)
	_, ok = g.Get("gn:0281184")
	assert.False(t, ok, "ids are written one way")
	_, ok = g.Get("nowhere")
	assert.False(t, ok)
}

func TestDemonym(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		word string
		want []string
	}{
		{"Israeli", []string{"IL"}},
		{"Israelis", []string{"IL"}},
		{"South Korean", []string{"KR"}},
		{"south korean", []string{"KR"}},
		{"Korean", []string{"KR", "KP"}},
		{"North Korean", []string{"KP"}},
		{"Chinese", []string{"CN"}},
		{"Canadian", []string{"CA"}},
		{"Bangladeshi", []string{"BD"}},
		{"Québécois", []string{"CA.10"}},
		{"Frenchmen", []string{"FR"}},
		{"Swiss", []string{"CH"}},
		{"Budget", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			var got []string
			for _, p := range g.Demonym(tt.word) {
				got = append(got, p.ID)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trois-Rivières", "trois rivieres"},
		{"U.S.", "us"},
		{"Côte d’Ivoire", "cote divoire"},
		{"  New   York  ", "new york"},
		{"Saint-Denis", "st denis"},
		{"St. Louis", "st louis"},
		{"Mount Vernon", "mt vernon"},
		{"Bosnia & Herzegovina", "bosnia and herzegovina"},
		{"São Paulo", "sao paulo"},
		{"Łódź", "lodz"},
		{"Washington, D.C.", "washington dc"},
		{"new york", "new york"},
		{"bad\xffbyte", "bad byte"},
		{"—", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Normalize(tt.in))
			assert.Equal(t, tt.want, Normalize(tt.want), "a key is its own key")
		})
	}
}

// tiny is a small gazetteer in the data format, for the loader's tests.
const tiny = "#crosscheck-gazetteer\t1\n" +
	"# a comment\n" +
	"P\tXX\tC\t\t1000\t\t\tXland\tXland\t\n" +
	"P\tXX.01\tR\tXX\t\t\t\tNorth Province\tNorth Province|Northland\t\n" +
	"P\tgn:1\tP\tXX.01\t900\t10.00\t20.00\tAlpha\talpha\tbetaville\n" +
	"P\tgn:2\tP\tXX.01\t100\t10.10\t20.10\tGamma\t\t\n" +
	"A\tXX\t=XL\t\n" +
	"W\tgn:2\tgn:1\n" +
	"D\tXlandish\tXX\n" +
	"K\tgamma\t3\n"

func TestLoad(t *testing.T) {
	g, err := Load(strings.NewReader(tiny))
	require.NoError(t, err)
	assert.Equal(t, 1, g.Count(Country))
	assert.Equal(t, 2, g.Count(City))
	assert.Equal(t, BContainsA, g.Relate("Gamma", "Alpha"), "W moved Gamma into Alpha")
	assert.Equal(t, BContainsA, g.Relate("Betaville", "Northland"), "alternate names count")
	assert.Equal(t, Same, g.Relate("XL", "Xland"))
	assert.Equal(t, Unknown, g.Relate("xl", "Xland"), "abbreviations need capitals or a stop")
	require.Len(t, g.Demonym("Xlandish"), 1)

	// The same data gzip-compressed.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err = zw.Write([]byte(tiny))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	gz, err := Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, g.Lookup("gamma"), gz.Lookup("gamma"))
}

func TestLoadErrors(t *testing.T) {
	const h = "#crosscheck-gazetteer\t1\n"
	const c = "P\tXX\tC\t\t\t\t\tXland\tXland\t\n"
	tests := []struct {
		name, data string
		line       int
		msg        string
	}{
		{"empty", "", 1, "empty"},
		{"no header", c, 1, "header"},
		{"other version", "#crosscheck-gazetteer\t2\n" + c, 1, "header"},
		{"unknown record", h + "Q\tx\n", 2, "unknown record type"},
		{"too few fields", h + "P\tXX\tC\n", 2, "fields"},
		{"too many fields", h + c[:len(c)-1] + "\tx\tx\n", 2, "fields"},
		{"unknown kind", h + "P\tXX\tZ\t\t\t\t\tX\tX\t\n", 2, "kind"},
		{"bad id", h + "P\tX X\tC\t\t\t\t\tX\tX\t\n", 2, "bad id"},
		{"duplicate id", h + c + c, 3, "duplicate"},
		{"city without parent", h + "P\tgn:1\tP\t\t\t\t\tX\tX\t\n", 2, "needs a parent"},
		{"unknown parent", h + c + "P\tgn:1\tP\tYY\t\t\t\tX\tX\t\n", 3, "unknown parent"},
		{"own parent", h + "P\tXX\tC\tXX\t\t\t\tX\tX\t\n", 2, "within itself"},
		{"loop", h + c + "P\tA\tR\tXX\t\t\t\tA\tA\t\nP\tB\tR\tA\t\t\t\tB\tB\t\nW\tA\tB\n", 5, "loops"},
		{"bad population", h + "P\tXX\tC\t\t-5\t\t\tX\tX\t\n", 2, "population"},
		{"bad latitude", h + "P\tXX\tC\t\t\t91\t0\tX\tX\t\n", 2, "coordinates"},
		{"half coordinates", h + "P\tXX\tC\t\t\t1\t\tX\tX\t\n", 2, "both"},
		{"empty display name", h + "P\tXX\tC\t\t\t\t\t \tX\t\n", 2, "display name"},
		{"name without letters", h + "P\tXX\tC\t\t\t\t\tX\t--\t\n", 2, "no letter"},
		{"invalid UTF-8", h + c + "P\tgn:1\tP\tXX\t\t\t\tX\xff\tX\t\n", 3, "UTF-8"},
		{"A for unknown id", h + c + "A\tYY\tY\t\n", 3, "unknown id"},
		{"W to unknown parent", h + c + "W\tXX\tYY\n", 3, "unknown parent"},
		{"D for unknown id", h + c + "D\tYish\tYY\n", 3, "unknown id"},
		{"K out of order", h + c + "K\tb\t0\nK\ta\t0\n", 4, "sort"},
		{"K not a key", h + c + "K\tXland\t0\n", 3, "form"},
		{"K bad number", h + c + "K\txland\t7\n", 3, "place number"},
		{"long line", h + "P\tXX\tC\t\t\t\t\tX\t" + strings.Repeat("x", maxLine) + "\t\n", 2, "longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load(strings.NewReader(tt.data))
			require.Error(t, err)
			assert.Nil(t, g)
			var de *DataError
			require.True(t, errors.As(err, &de), "%T", err)
			assert.Equal(t, tt.line, de.Line, "%v", err)
			assert.Contains(t, de.Msg, tt.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "places: input:"), err.Error())
		})
	}
}

func TestLoadTooLarge(t *testing.T) {
	// Blank lines past the limit: rejected without building anything.
	r := strings.NewReader("#crosscheck-gazetteer\t1\n" + strings.Repeat("\n", maxInput))
	_, err := Load(r)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than")
}

func TestConcurrentUse(t *testing.T) {
	g := defaultGazetteer(t)
	var wg sync.WaitGroup
	results := make([]Relation, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := Default()
			if err != nil || d != g {
				return
			}
			results[i] = d.Relate("Luxian", "Sichuan")
			_ = d.Lookup("Paris")
			_ = d.Demonym("Israeli")
		}()
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, BContainsA, r)
	}
}
