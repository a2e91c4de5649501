package graph

// encodeLayout1 encodes r as a whole stance record of layout 1, as the
// code before layout 2 wrote it into S, O and I alike: the old codec path,
// kept here to build stores in the old layout.
func encodeLayout1(r *stanceRecord) []byte {
	e := encoder{}
	e.byte(recordVersion)
	var flags byte
	if r.Retracted {
		flags |= flagRetracted
	}
	e.byte(flags)
	e.i32(int32(r.effDate))
	e.id(r.ID)
	e.id(r.Subject)
	e.id(r.Object)
	e.str(r.Type)
	e.str(r.Topic)
	e.i32(int32(r.Date))
	e.f64(r.Confidence)
	e.str(r.RetractReason)
	e.evidence(r.Evidence)
	e.references(r.References)
	e.measures(r.Event)
	return e.b
}
