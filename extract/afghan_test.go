package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestAfghanActors checks the Afghan and American actors of 2017-2021 the
// dictionary lacked, in sentences written for this test: the Afghan
// forces' and intelligence service's names, Hezb-e-Islami and its leader,
// negotiators of both sides, an Afghan vice president and foreign
// minister, Pakistan's military spokesmen, a UN envoy, American defence
// secretaries and commanders within their dates.
func TestAfghanActors(t *testing.T) {
	d := stance.NewDate(2019, 6, 1)
	runDatedCases(t, []datedCase{
		{"ANDSF", d, "The ANDSF accused the Taliban of attacking checkpoints.", []string{"Kabul government ACCUSES Taliban"}},
		{"intelligence service", d, "The National Directorate of Security accused Pakistan of sheltering militants.", []string{"Kabul government ACCUSES Pakistan"}},
		{"Hekmatyar", d, "Hekmatyar urged the Taliban to join the peace process.", []string{"Hezb-e-Islami DEMANDS Taliban"}},
		{"Hezb-e-Islami", d, "Hezb-e-Islami criticised the Afghan government.", []string{"Hezb-e-Islami ACCUSES Kabul government"}},
		{"Abbas Stanekzai", d, "Abbas Stanekzai met Chinese officials in Beijing.", []string{"Taliban ENGAGES China"}},
		{"Masoom Stanekzai", d, "Masoom Stanekzai met Pakistani officials in Islamabad.", []string{"Kabul government ENGAGES Pakistan"}},
		{"Dostum", d, "Dostum accused the Taliban of killing civilians.", []string{"Kabul government ACCUSES Taliban"}},
		{"ISPR", d, "The ISPR rejected the Afghan allegations.", []string{"Pakistan REJECTS Kabul government"}},
		{"Yamamoto", d, "Tadamichi Yamamoto urged the Taliban to reduce violence.", []string{"United Nations DEMANDS Taliban"}},
		{"Rabbani", d, "Salahuddin Rabbani met Pakistani officials in Islamabad.", []string{"Kabul government ENGAGES Pakistan"}},
		{"Miller", d, "General Austin Scott Miller met Taliban leaders in Doha.", []string{"United States ENGAGES Taliban"}},
		{"Esper in office", stance.NewDate(2020, 3, 1), "Esper urged the Taliban to reduce violence.", []string{"United States DEMANDS Taliban"}},
		{"Mattis in office", stance.NewDate(2018, 3, 1), "Mattis urged Pakistan to act against militants.", []string{"United States DEMANDS Pakistan"}},
		{"Mattis out of office", d, "Mattis urged Pakistan to act against militants.", nil},
	})
}
