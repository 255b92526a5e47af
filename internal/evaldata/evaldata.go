// Package evaldata locates the shared evaluation data that sits beside the
// project checkout (../shared/evaldata). Tests and benchmarks that measure
// against it call Dir and are skipped when it is absent, so the project runs
// without it. The data is read in place and never copied into the project.
package evaldata

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names an environment variable that, when set, overrides where the
// shared folder is looked for.
const EnvVar = "CROSSCHECK_SHARED"

// SharedDir returns the path of the shared folder (holding seeds/ and
// evaldata/), or "" when it cannot be found. It looks at $CROSSCHECK_SHARED,
// then for a folder named "shared" beside the module root.
func SharedDir() string {
	if d := os.Getenv(EnvVar); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(filepath.Join(shared, "evaldata")); err == nil && st.IsDir() {
				return shared
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the path of the evaluation data set named name (a folder under
// shared/evaldata), skipping the test or benchmark when it is missing.
func Dir(tb testing.TB, name string) string {
	tb.Helper()
	shared := SharedDir()
	if shared == "" {
		tb.Skipf("shared evaluation data not found beside the project (set %s); skipping", EnvVar)
	}
	d := filepath.Join(shared, "evaldata", name)
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("evaluation data %s not found: %v", d, err)
	}
	return d
}
