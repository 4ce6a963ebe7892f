package demo

// tally is what one batch of customers adds to planted.json.
type tally struct {
	sizes, buyers                  [numPersonas]int
	touchesAfterPurchase           int
	frictionExits, frictionLoops   int
	frictionTickets, anonymousOnly int
	frictionLeavers                int
	stageSkips                     [numStages]int
}

func (t *tally) add(o *tally) {
	for p := range numPersonas {
		t.sizes[p] += o.sizes[p]
		t.buyers[p] += o.buyers[p]
	}
	t.touchesAfterPurchase += o.touchesAfterPurchase
	t.frictionExits += o.frictionExits
	t.frictionLoops += o.frictionLoops
	t.frictionTickets += o.frictionTickets
	t.frictionLeavers += o.frictionLeavers
	t.anonymousOnly += o.anonymousOnly
	for i := range t.stageSkips {
		t.stageSkips[i] += o.stageSkips[i]
	}
}

// count adds one generated customer.
func (t *tally) count(c *customer) {
	t.sizes[c.persona]++
	if c.firstPurchase != 0 {
		t.buyers[c.persona]++
		for _, at := range c.adTimes {
			if at > c.firstPurchase {
				t.touchesAfterPurchase++
			}
		}
	}
	t.frictionExits += c.frictionExits
	t.frictionLoops += c.frictionLoops
	t.frictionTickets += c.frictionTickets
	if c.frictionLeft {
		t.frictionLeavers++
	}
	if c.anonOnly {
		t.anonymousOnly++
	}
	top := -1
	for s := range stageNames {
		if c.stages&(1<<s) != 0 {
			top = s
		}
	}
	for s := 0; s < top; s++ {
		if c.stages&(1<<s) == 0 {
			t.stageSkips[s]++
		}
	}
}

// planted turns the summed tally into planted.json's content.
func (t *tally) planted(o Options) Planted {
	p := Planted{
		Customers:             o.Customers,
		Seed:                  o.Seed,
		FrictionTouchpoint:    tpPayment,
		FrictionExits:         t.frictionExits,
		FrictionLoops:         t.frictionLoops,
		FrictionTickets:       t.frictionTickets,
		FrictionLeavers:       t.frictionLeavers,
		RetargetingTouchpoint: tpAd,
		RetargetingChannels:   []string{"display", "paid_social"},
		TouchesAfterPurchase:  t.touchesAfterPurchase,
		GoalTouchpoints:       append([]string(nil), goalTouchpoints...),
		Stages:                append([]string(nil), stageNames[:]...),
		TouchpointStages:      make(map[string]string, len(touchpointStage)),
		StageSkips:            make(map[string]int, len(stageNames)),
		AnonymousOnly:         t.anonymousOnly,
		BlockedValues:         append([]string(nil), blockedValues...),
	}
	for tp, s := range touchpointStage {
		p.TouchpointStages[tp] = stageNames[s]
	}
	for s, name := range stageNames {
		p.StageSkips[name] = t.stageSkips[s]
	}
	for i, def := range personas {
		pp := PlantedPersona{Name: def.name, Size: t.sizes[i], Description: def.description}
		if o.Customers > 0 {
			pp.Share = float64(t.sizes[i]) / float64(o.Customers)
		}
		if t.sizes[i] > 0 {
			pp.ConversionRate = float64(t.buyers[i]) / float64(t.sizes[i])
		}
		p.Buyers += t.buyers[i]
		p.Personas = append(p.Personas, pp)
	}
	return p
}
