package places

import (
	"runtime"
	"testing"
)

// BenchmarkLoad loads the embedded gazetteer, as Default does once per
// process. The goal is under 300 ms and 100 MB (docs/places.md); live-MB
// is the heap the loaded Gazetteer keeps.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	g = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := loadDefault()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
	runtime.KeepAlive(g)
}

var benchNames = []string{"Luxian", "New York City", "Paris, Texas", "Trois-Rivières", "U.S.", "Budget",
	"Sichuan Province", "UN Headquarters, New York", "sao paulo", "Jerusalem-based"}

func BenchmarkLookup(b *testing.B) {
	g := defaultGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range benchNames {
			g.Lookup(n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchNames)), "ns/name")
}

func BenchmarkRelate(b *testing.B) {
	g := defaultGazetteer(b)
	pairs := [][2]string{{"Luxian", "Sichuan"}, {"Paris", "Texas"}, {"New York City", "New York"},
		{"Los Angeles", "San Francisco"}, {"Georgia", "Atlanta"}, {"Budget", "Monday"}}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			g.Relate(p[0], p[1])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pairs)), "ns/pair")
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range benchNames {
			Normalize(n)
		}
	}
}
