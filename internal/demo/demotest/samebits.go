package demotest

import (
	"fmt"
	"math"
	"reflect"
)

// SameBits reports whether a and b are equal field by field, floats by their bits (so 0 and −0 differ) and
// every NaN equal to every NaN; where they differ it names the first difference, under the name where. The
// parallel walks of friction and the observed map are checked with it against one walk: equal to the bit.
func SameBits(a, b any, where string) (bool, string) {
	return sameBits(reflect.ValueOf(a), reflect.ValueOf(b), where)
}

func sameBits(a, b reflect.Value, where string) (bool, string) {
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		if math.IsNaN(x) && math.IsNaN(y) || math.Float64bits(x) == math.Float64bits(y) {
			return true, ""
		}
		return false, fmt.Sprintf("%s: %v (%#x) vs %v (%#x)", where, x, math.Float64bits(x), y, math.Float64bits(y))
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil(), where + ": nil"
		}
		return sameBits(a.Elem(), b.Elem(), where)
	case reflect.Struct:
		for i := range a.NumField() {
			if ok, d := sameBits(a.Field(i), b.Field(i), where+"."+a.Type().Field(i).Name); !ok {
				return false, d
			}
		}
		return true, ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false, fmt.Sprintf("%s: length %d vs %d", where, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if ok, d := sameBits(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", where, i)); !ok {
				return false, d
			}
		}
		return true, ""
	default:
		if a.Interface() != b.Interface() {
			return false, fmt.Sprintf("%s: %v vs %v", where, a.Interface(), b.Interface())
		}
		return true, ""
	}
}
