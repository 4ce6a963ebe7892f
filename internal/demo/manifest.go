package demo

import "wayline/internal/ingest"

// File is one export Export wrote: its name inside the export folder, the source it stands for, the recipe
// that imports it (also saved beside it as Name+".recipe.json") and how many data rows it holds (header
// excluded).
type File struct {
	Name   string        `json:"name"`
	Source string        `json:"source"`
	Recipe ingest.Recipe `json:"recipe"`
	Rows   int           `json:"rows"`
}

// Manifest lists what Export wrote. TruthFile and PlantedFile are file names in the export folder;
// Planted is the content of PlantedFile.
type Manifest struct {
	Files       []File  `json:"files"`
	TruthFile   string  `json:"truth"`
	PlantedFile string  `json:"planted"`
	Planted     Planted `json:"plantedTruth"`
}

// Planted is the ground truth that analyses should recover, written as planted.json. The keys personas,
// frictionTouchpoint and touchesAfterPurchase are a contract with tests outside the project.
type Planted struct {
	Customers int              `json:"customers"`
	Seed      int64            `json:"seed"`
	Personas  []PlantedPersona `json:"personas"`

	// FrictionTouchpoint is the checkout step where customers loop, exit without buying and then contact
	// support.
	FrictionTouchpoint string `json:"frictionTouchpoint"`
	// FrictionExits counts checkout attempts that ended at FrictionTouchpoint without an order;
	// FrictionLoops counts repeated FrictionTouchpoint events (a step seen again right after itself);
	// FrictionTickets counts support tickets opened within hours of such an exit.
	FrictionExits   int `json:"frictionExits"`
	FrictionLoops   int `json:"frictionLoops"`
	FrictionTickets int `json:"frictionTickets"`
	// FrictionLeavers counts people whose last attempt gave up at FrictionTouchpoint and who never came
	// back: nothing of theirs follows it but, sometimes, the support ticket it caused. Their journeys end
	// there without a purchase.
	FrictionLeavers int `json:"frictionLeavers"`

	// RetargetingTouchpoint is the paid ad that keeps being shown after people bought;
	// TouchesAfterPurchase counts those events that come after the person's first purchase (by design,
	// all of them).
	RetargetingTouchpoint string   `json:"retargetingTouchpoint"`
	RetargetingChannels   []string `json:"retargetingChannels"`
	TouchesAfterPurchase  int      `json:"touchesAfterPurchase"`

	// GoalTouchpoints are the purchase touchpoints (the conversion goal); Buyers counts people with at
	// least one of them.
	GoalTouchpoints []string `json:"goalTouchpoints"`
	Buyers          int      `json:"buyers"`

	// Stages is the stage model in order; TouchpointStages assigns every touchpoint the recipes produce
	// to one stage; StageSkips counts, per stage, the people who reached a later stage without ever
	// touching this one.
	Stages           []string          `json:"stages"`
	TouchpointStages map[string]string `json:"touchpointStages"`
	StageSkips       map[string]int    `json:"stageSkips"`

	// AnonymousOnly counts people who browsed without ever signing in: one anonymous id each, nothing else.
	AnonymousOnly int `json:"anonymousOnly"`
	// BlockedValues are junk identifier values that appear in the files and belong to no one.
	BlockedValues []string `json:"blockedValues"`
}

// PlantedPersona is one persona as planted: its name, how many people it has, their share of all people
// and what sets them apart.
type PlantedPersona struct {
	Name           string  `json:"name"`
	Size           int     `json:"size"`
	Share          float64 `json:"share"`
	ConversionRate float64 `json:"conversionRate"`
	Description    string  `json:"description"`
}
