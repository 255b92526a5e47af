// Package benchcorpus generates a seeded, reproducible corpus of news-like
// articles with planted copies and machine rewrites, and the ground truth
// to score a rewrite detector against.
//
// Articles are written about events. Each event has its own people,
// places, numbers, topic words and an official statement; several articles
// report each event independently, sharing that vocabulary (and now and
// then a verbatim sentence of the statement) but not their sentences: these
// are the hard negatives. A share of the articles are then copied or
// rewritten from a base article in one of the ways content farms do it
// (see the Kind constants). The words are made-up syllable strings with a
// Zipf-like frequency, joined by real English function words, so the
// corpus needs no word list and no outside data.
package benchcorpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// Kinds of planted pair.
const (
	KindCopy          = "copy"            // the same text
	KindNearCopy      = "near-copy"       // a few words, quotes and punctuation changed
	KindTruncated     = "truncated"       // the first paragraphs only, plus a newsletter prompt
	KindSpun          = "spun"            // many words swapped for synonyms
	KindBackTranslate = "back-translated" // synonyms, clauses reordered, function words dropped, words expanded
	KindGlued         = "glued"           // links stripped so words run together, and light spinning
	KindQuote         = "quote-reworded"  // quotations reworded, and light spinning
	KindPadded        = "padded"          // spun, with a paragraph of another story and a newsletter prompt added
)

// Kinds lists every planted kind in the order they are planted.
var Kinds = []string{KindCopy, KindNearCopy, KindTruncated, KindSpun, KindBackTranslate, KindGlued, KindQuote, KindPadded}

// Options control the corpus.
type Options struct {
	// Articles is the total number of articles; at least 20.
	Articles int
	// Seed makes the corpus reproducible: the same options give the same
	// corpus.
	Seed uint64
	// RewriteShare is the share of articles that are planted copies or
	// rewrites (0.05 = 5 %).
	RewriteShare float64
	// Words is the target length of a base article in words.
	Words int
	// PerEvent is the number of independent articles per event.
	PerEvent int
}

// DefaultOptions are the options `make bench` uses, for n articles.
func DefaultOptions(n int) Options {
	return Options{Articles: n, Seed: 1, RewriteShare: 0.05, Words: 600, PerEvent: 8}
}

// Article is one generated article.
type Article struct {
	ID   string
	Text string
	// Published is set for about half of the articles; zero otherwise.
	// A planted rewrite, when both have one, is published after its
	// source.
	Published time.Time
	// Event numbers the event the article reports.
	Event int
}

// Planted is one planted pair: Rewrite copies or rewrites Original.
type Planted struct {
	Original, Rewrite int // indices into Corpus.Articles
	Kind              string
}

// Corpus is a generated batch and its ground truth.
type Corpus struct {
	Articles []Article
	Planted  []Planted
}

// Truth returns the planted pairs as a set keyed by the two indices in
// increasing order.
func (c *Corpus) Truth() map[[2]int]Planted {
	out := make(map[[2]int]Planted, len(c.Planted))
	for _, p := range c.Planted {
		out[[2]int{min(p.Original, p.Rewrite), max(p.Original, p.Rewrite)}] = p
	}
	return out
}

// functionWords join the made-up content words into sentences.
var functionWords = strings.Fields(`the the the the of of of to to to and and and a a in in in that is for on
with as was it by at from be has have are its which this were will would an their they he she said but
not or after also about over more than into who been had when could there all one up out some our can new`)

// gluable are function words that a stripped link leaves glued to the word
// before ("budgetsfor").
var gluable = []string{"with", "which", "the", "that", "from", "this", "their", "after", "for"}

// expansions turn one function word into a wordier phrase, as translation
// round trips do ("after" → "in the wake of").
var expansions = map[string]string{
	"after": "in the wake of", "about": "on the subject of", "over": "in excess of",
	"with": "together with", "when": "at the time when", "but": "however,", "also": "as well",
	"into": "in the direction of", "could": "might be able to", "will": "is going to",
}

type generator struct {
	rng      *rand.Rand
	vocab    []string // content words, most frequent first
	synonym  map[string]string
	cum      []float64 // cumulative Zipf weights over vocab
	opts     Options
	articles []Article
}

type event struct {
	people    []string // "Firstname Lastname"
	places    []string
	orgs      []string
	numbers   []string
	topic     []string
	statement []string // sentences of the official statement
}

// Generate builds a corpus. It panics on options that cannot make one.
func Generate(opts Options) *Corpus {
	if opts.Articles < 20 || opts.Words < 50 || opts.PerEvent < 2 || opts.RewriteShare < 0 || opts.RewriteShare > 0.5 {
		panic(fmt.Sprintf("benchcorpus: unusable options %+v", opts))
	}
	g := &generator{rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), opts: opts}
	g.buildVocabulary(8000)

	nRewrites := int(math.Round(float64(opts.Articles) * opts.RewriteShare))
	nBase := opts.Articles - nRewrites
	base := make([]Article, 0, nBase)
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for ev := 0; len(base) < nBase; ev++ {
		e := g.newEvent()
		for k := 0; k < opts.PerEvent && len(base) < nBase; k++ {
			a := Article{Text: g.article(e), Event: ev}
			if g.rng.IntN(2) == 0 {
				a.Published = epoch.Add(time.Duration(g.rng.IntN(60*24*30)) * time.Minute)
			}
			base = append(base, a)
		}
	}

	// Plant rewrites of distinct base articles.
	sources := g.rng.Perm(nBase)[:nRewrites]
	sort.Ints(sources)
	all := append([]Article(nil), base...)
	type plant struct {
		src, dst int
		kind     string
	}
	var plants []plant
	for k, src := range sources {
		kind := Kinds[k%len(Kinds)]
		a := base[src]
		a.Text = g.rewrite(kind, a.Text, base[g.rng.IntN(nBase)].Text)
		if !a.Published.IsZero() && g.rng.IntN(2) == 0 {
			a.Published = a.Published.Add(time.Duration(1+g.rng.IntN(72*60)) * time.Minute)
		} else {
			a.Published = time.Time{}
		}
		plants = append(plants, plant{src, len(all), kind})
		all = append(all, a)
	}

	// Shuffle so that no copy sits next to its source, then name articles
	// by position.
	order := g.rng.Perm(len(all))
	pos := make([]int, len(all))
	c := &Corpus{Articles: make([]Article, len(all))}
	for newIdx, old := range order {
		pos[old] = newIdx
		c.Articles[newIdx] = all[old]
		c.Articles[newIdx].ID = fmt.Sprintf("a%06d", newIdx)
	}
	for _, p := range plants {
		c.Planted = append(c.Planted, Planted{Original: pos[p.src], Rewrite: pos[p.dst], Kind: p.kind})
	}
	sort.Slice(c.Planted, func(i, j int) bool { return c.Planted[i].Original < c.Planted[j].Original })
	return c
}

// buildVocabulary makes n distinct made-up words, a Zipf-like frequency
// over them, and a synonym for each (another word of similar frequency).
func (g *generator) buildVocabulary(n int) {
	onsets := strings.Fields("b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr bl cl fl gl pl sl st sp sk sh ch th")
	vowels := strings.Fields("a e i o u a e i o ai ea ou")
	codas := []string{"", "", "", "n", "r", "s", "l", "t", "nd", "rt", "st", "ck", "m", "x"}
	seen := map[string]bool{}
	for _, f := range functionWords {
		seen[f] = true
	}
	for len(g.vocab) < n {
		syll := 1 + g.rng.IntN(3)
		var b strings.Builder
		for range syll {
			b.WriteString(onsets[g.rng.IntN(len(onsets))])
			b.WriteString(vowels[g.rng.IntN(len(vowels))])
			b.WriteString(codas[g.rng.IntN(len(codas))])
		}
		w := b.String()
		if len(w) < 3 || seen[w] {
			continue
		}
		seen[w] = true
		g.vocab = append(g.vocab, w)
	}
	g.cum = make([]float64, n)
	total := 0.0
	for i := range g.vocab {
		total += 1 / math.Pow(float64(i+10), 1.0)
		g.cum[i] = total
	}
	g.synonym = make(map[string]string, n)
	for i, w := range g.vocab {
		j := i + 1 + g.rng.IntN(20)
		if j >= n {
			j = g.rng.IntN(n)
		}
		if j == i {
			j = (i + 1) % n
		}
		g.synonym[w] = g.vocab[j]
	}
}

func (g *generator) word() string {
	x := g.rng.Float64() * g.cum[len(g.cum)-1]
	return g.vocab[sort.SearchFloat64s(g.cum, x)]
}

func capitalize(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

func (g *generator) newEvent() *event {
	e := &event{}
	for range 3 {
		e.people = append(e.people, capitalize(g.word())+" "+capitalize(g.word()))
	}
	for range 2 {
		e.places = append(e.places, capitalize(g.word()))
	}
	e.orgs = append(e.orgs, capitalize(g.word())+" "+capitalize(g.word())+" Council")
	for range 3 {
		e.numbers = append(e.numbers, fmt.Sprint(2+g.rng.IntN(9998)))
	}
	for range 30 {
		e.topic = append(e.topic, g.word())
	}
	for range 3 {
		e.statement = append(e.statement, g.plainSentence(e, 14+g.rng.IntN(10)))
	}
	return e
}

// plainSentence writes a sentence of about n words about e.
func (g *generator) plainSentence(e *event, n int) string {
	words := make([]string, 0, n+4)
	for len(words) < n {
		r := g.rng.Float64()
		switch {
		case r < 0.42:
			words = append(words, functionWords[g.rng.IntN(len(functionWords))])
		case r < 0.62:
			words = append(words, e.topic[g.rng.IntN(len(e.topic))])
		case r < 0.66:
			words = append(words, e.people[g.rng.IntN(len(e.people))])
		case r < 0.69:
			words = append(words, e.places[g.rng.IntN(len(e.places))])
		case r < 0.71:
			words = append(words, e.numbers[g.rng.IntN(len(e.numbers))])
		case r < 0.72:
			words = append(words, "the "+e.orgs[0])
		default:
			words = append(words, g.word())
		}
		if len(words) > 4 && len(words) < n-3 && g.rng.IntN(9) == 0 {
			words[len(words)-1] += ","
		}
	}
	words[0] = capitalize(words[0])
	return strings.Join(words, " ") + "."
}

// article writes an independent report of e of about opts.Words words.
func (g *generator) article(e *event) string {
	var paras []string
	words := 0
	target := g.opts.Words*4/5 + g.rng.IntN(g.opts.Words*2/5+1)
	for words < target {
		var sents []string
		for k := 1 + g.rng.IntN(3); k > 0; k-- {
			var s string
			switch r := g.rng.IntN(14); {
			case r == 0:
				s = e.statement[g.rng.IntN(len(e.statement))] // verbatim from the statement
			case r <= 2:
				q := g.plainSentence(e, 8+g.rng.IntN(10))
				s = "“" + strings.TrimSuffix(q, ".") + ",” " + e.people[g.rng.IntN(len(e.people))] + " said."
			default:
				s = g.plainSentence(e, 10+g.rng.IntN(22))
			}
			sents = append(sents, s)
			words += len(strings.Fields(s))
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// newsletter prompts that content farms paste into copies.
var prompts = []string{
	"Get the latest news delivered to your inbox. Sign up for our daily newsletter.",
	"Follow us for breaking news alerts. Subscribe now and never miss a story.",
	"Read more: the stories our readers are talking about today.",
}

// rewrite turns src into a planted copy of the given kind; other is the text
// of another article, for kinds that paste in a stray paragraph.
func (g *generator) rewrite(kind, src, other string) string {
	paras := strings.Split(strings.TrimSpace(src), "\n\n")
	switch kind {
	case KindCopy:
		return src
	case KindNearCopy:
		for i := range paras {
			if g.rng.IntN(3) == 0 {
				paras[i] = g.spinParagraph(paras[i], 0.04, 0, 0, 0)
			}
			paras[i] = strings.NewReplacer("“", "\"", "”", "\"").Replace(paras[i])
		}
	case KindTruncated:
		keep := max(2, len(paras)*(3+g.rng.IntN(5))/10)
		paras = append(paras[:min(keep, len(paras))], prompts[g.rng.IntN(len(prompts))])
	case KindSpun:
		for i := range paras {
			paras[i] = g.spinParagraph(paras[i], 0.3, 0, 0, 0)
		}
	case KindBackTranslate:
		for i := range paras {
			paras[i] = g.reorderClauses(g.spinParagraph(paras[i], 0.2, 0.08, 0.3, 0))
		}
	case KindGlued:
		for i := range paras {
			paras[i] = g.spinParagraph(paras[i], 0.1, 0, 0, 0.25)
		}
	case KindQuote:
		for i := range paras {
			paras[i] = g.rewordQuotes(g.spinParagraph(paras[i], 0.1, 0, 0, 0))
		}
	case KindPadded:
		for i := range paras {
			paras[i] = g.spinParagraph(paras[i], 0.2, 0.03, 0, 0.05)
		}
		otherParas := strings.Split(strings.TrimSpace(other), "\n\n")
		stray := otherParas[g.rng.IntN(len(otherParas))]
		at := g.rng.IntN(len(paras) + 1)
		paras = append(paras[:at], append([]string{stray}, paras[at:]...)...)
		paras = append(paras, prompts[g.rng.IntN(len(prompts))])
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// spinParagraph swaps content words (not names) for synonyms with
// probability swap,
// drops function words with probability drop, expands function words into
// phrases with probability expand, and glues gluable function words to the
// word before with probability glue (as a stripped link would).
func (g *generator) spinParagraph(p string, swap, drop, expand, glue float64) string {
	toks := strings.Fields(p)
	out := make([]string, 0, len(toks))
	for i, t := range toks {
		core, tail := splitTail(t)
		lower := strings.ToLower(core)
		isFunction := contains(functionWords, lower)
		switch {
		case isFunction && i > 0 && glue > 0 && contains(gluable, lower) && g.rng.Float64() < glue && len(out) > 0 && !strings.ContainsAny(out[len(out)-1], ",.“”\"") && tail == "":
			out[len(out)-1] += lower
			continue
		case isFunction && i > 0 && drop > 0 && g.rng.Float64() < drop && tail == "":
			continue
		case isFunction && expand > 0 && expansions[lower] != "" && g.rng.Float64() < expand:
			core = expansions[lower]
			if i == 0 || strings.HasSuffix(toks[i-1], ".") {
				core = capitalize(core)
			}
		case !isFunction && swap > 0 && (core == lower || i == 0) && g.rng.Float64() < swap:
			if s, ok := g.synonym[lower]; ok {
				if core != lower {
					s = capitalize(s)
				}
				core = s
			}
		}
		out = append(out, core+tail)
	}
	return strings.Join(out, " ")
}

// splitTail splits trailing punctuation off a token, keeping leading quotes
// with the core.
func splitTail(t string) (core, tail string) {
	end := len(t)
	for end > 0 && strings.ContainsRune(".,;:”\"", rune(t[end-1])) {
		end--
	}
	for end > 0 && end < len(t) && t[end-1] >= 0x80 { // inside a multi-byte quote
		end--
	}
	core, tail = t[:end], t[end:]
	if !isASCIIWordish(core) {
		return t, ""
	}
	return core, tail
}

func isASCIIWordish(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// reorderClauses swaps the clauses around the first comma of some
// sentences, as translation round trips often do.
func (g *generator) reorderClauses(p string) string {
	sents := strings.SplitAfter(p, ". ")
	for i, s := range sents {
		if strings.ContainsAny(s, "“\"") || g.rng.IntN(3) != 0 {
			continue
		}
		trail := ""
		body := s
		if strings.HasSuffix(body, ". ") {
			body, trail = body[:len(body)-2], ". "
		} else if strings.HasSuffix(body, ".") {
			body, trail = body[:len(body)-1], "."
		}
		k := strings.Index(body, ", ")
		if k <= 0 {
			continue
		}
		first, second := body[:k], body[k+2:]
		first = strings.ToLower(first[:1]) + first[1:]
		sents[i] = capitalize(second) + ", " + first + trail
	}
	return strings.Join(sents, "")
}

// rewordQuotes swaps, drops and adds words inside quotations.
func (g *generator) rewordQuotes(p string) string {
	var b strings.Builder
	for {
		i := strings.Index(p, "“")
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.Index(p[i:], "”")
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i+len("“")])
		inner := strings.Fields(p[i+len("“") : i+j])
		var out []string
		for k, w := range inner {
			core, tail := splitTail(w)
			lower := strings.ToLower(core)
			switch r := g.rng.Float64(); {
			case k > 0 && contains(functionWords, lower) && r < 0.25:
				continue
			case !contains(functionWords, lower) && r < 0.3:
				if s, ok := g.synonym[lower]; ok {
					core = s
				}
			case r > 0.93:
				out = append(out, g.word())
			}
			out = append(out, core+tail)
		}
		b.WriteString(strings.Join(out, " "))
		b.WriteString("”")
		p = p[i+j+len("”"):]
	}
}
