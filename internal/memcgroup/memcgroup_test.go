package memcgroup

import "testing"

func TestPath(t *testing.T) {
	for _, tc := range []struct {
		name, text, path string
		v2, ok           bool
	}{
		{"v2", "0::/user.slice/bench\n", "/user.slice/bench", true, true},
		{"v1 memory first", "5:cpu,cpuacct:/a\n4:memory:/lim\n0::/other\n", "/lim", false, true},
		{"v1 after v2 line", "0::/other\n4:memory:/lim\n", "/lim", false, true},
		{"root only", "0::/\n", "", false, false},
		{"no memory controller", "5:cpu:/a\n", "", false, false},
		{"empty", "", "", false, false},
	} {
		path, v2, ok := Path(tc.text)
		if path != tc.path || v2 != tc.v2 || ok != tc.ok {
			t.Errorf("%s: Path = %q, %v, %v; want %q, %v, %v", tc.name, path, v2, ok, tc.path, tc.v2, tc.ok)
		}
	}
}
