package graph

import (
	"reflect"
	"testing"
)

// TestOptionsWithDefaults pins the one Options style: a zero size takes
// its default, a set one is kept, and the switches pass through.
func TestOptionsWithDefaults(t *testing.T) {
	d := DefaultOptions()
	tests := []struct {
		name string
		in   Options
		want Options
	}{
		{"zero value", Options{}, d},
		{"switches kept", Options{ReadOnly: true, SyncWrites: true}, func() Options { o := d; o.ReadOnly, o.SyncWrites = true, true; return o }()},
		{"sizes kept", Options{MemTableSize: 8 << 20, BlockCacheSize: 1 << 20, ValueLogFileSize: 1 << 20, ImportBufferSize: 1 << 10},
			Options{MemTableSize: 8 << 20, BlockCacheSize: 1 << 20, ValueLogFileSize: 1 << 20, ImportBufferSize: 1 << 10}},
		{"one size set", Options{BlockCacheSize: 3 << 20}, func() Options { o := d; o.BlockCacheSize = 3 << 20; return o }()},
	}
	for _, tt := range tests {
		if got := tt.in.withDefaults(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestOptionsHaveOneStyle: Options is a plain struct, configured by its
// fields only; an exported method (a WithX) would be a second style.
func TestOptionsHaveOneStyle(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(Options{}), reflect.TypeOf(&Options{})} {
		for i := 0; i < typ.NumMethod(); i++ {
			t.Errorf("%s has exported method %s: configure Open by fields only", typ, typ.Method(i).Name)
		}
	}
}
