package demo

// The fictional world the demo draws from: names, products, stores, regions and e-mail campaigns. Every
// address and phone number is in a reserved range (example.com/net/org domains, 555 exchange numbers), so
// the demo can never mail or call a real person.

var firstNames = []string{
	"Ana", "Ben", "Chloe", "Dev", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo",
	"Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wes", "Ximena", "Yusuf", "Zoe",
	"Liam", "Maya", "Noah", "Olivia", "Ravi", "Sofia", "Theo", "Uma", "Victor", "Wren", "Aiko", "Bruno",
	"Carmen", "Diego", "Emma", "Finn", "Grace", "Hugo", "Isla", "Jonas", "Kira", "Luca", "Mina", "Nora",
}

var lastNames = []string{
	"Silva", "Nguyen", "Okafor", "Smith", "Kowalski", "Haddad", "Jensen", "Garcia", "Chen", "Murphy",
	"Patel", "Rossi", "Novak", "Kim", "Ivanova", "Brown", "Tanaka", "Mensah", "Dubois", "Larsen",
	"Fischer", "Lopez", "Singh", "Walsh", "Moreau", "Costa", "Hughes", "Sato", "Bauer", "Reyes",
	"Adeyemi", "Park", "Martin", "Olsen", "Ahmed", "Clarke", "Ferreira", "Yamamoto", "Schmidt", "Byrne",
}

var emailDomains = []string{"example.com", "example.net", "example.org", "mail.example.com", "inbox.example.net"}

// product is one catalogue item; price in cents.
type product struct {
	name     string
	category string
	price    int
}

var products = []product{
	{"Trailhead 2P Tent", "Tents", 24900},
	{"Ridgeline 4P Tent", "Tents", 44900},
	{"Ultralight Solo Tent", "Tents", 38900},
	{"Summit Down Jacket", "Jackets", 27900},
	{"Drizzle Rain Shell", "Jackets", 12900},
	{"Fleece Midlayer", "Jackets", 6900},
	{"Granite Hiking Boots", "Footwear", 18900},
	{"Trail Runner Shoes", "Footwear", 12900},
	{"Camp Sandals", "Footwear", 4900},
	{"Voyager 65L Pack", "Backpacks", 26900},
	{"Daytrip 22L Pack", "Backpacks", 8900},
	{"Alpine Sleeping Bag -10C", "Sleeping", 32900},
	{"Summer Sleeping Bag", "Sleeping", 11900},
	{"Inflatable Sleeping Pad", "Sleeping", 9900},
	{"Compact Camp Stove", "Cooking", 5900},
	{"Titanium Cook Set", "Cooking", 7900},
	{"Water Filter Bottle", "Accessories", 3900},
	{"Headlamp 400", "Accessories", 4500},
	{"Merino Hiking Socks", "Accessories", 2200},
	{"Trekking Poles", "Accessories", 11900},
}

// expensive are the big-ticket items comparison shoppers agonise over (indexes into products).
var expensive = []int{0, 1, 2, 3, 6, 9, 11}

var regions = []struct {
	name      string
	provinces []string
}{
	{"Northeast", []string{"NY", "MA", "VT", "ME", "PA"}},
	{"Midwest", []string{"IL", "MN", "MI", "WI", "OH"}},
	{"South", []string{"TX", "GA", "NC", "TN", "FL"}},
	{"Mountain West", []string{"CO", "UT", "MT", "ID", "WY"}},
	{"Pacific", []string{"CA", "OR", "WA"}},
	{"Canada", []string{"BC", "ON", "AB", "QC"}},
}

// stores are the physical shops; the loyalty kiosk export names them by id.
var stores = []string{
	"NW-S01", "NW-S02", "NW-S03", "NW-S04", "NW-S05", "NW-S06", "NW-S07", "NW-S08", "NW-S09", "NW-S10",
	"NW-S11", "NW-S12", "NW-S14", "NW-S15", "NW-S17", "NW-S18", "NW-S21", "NW-S22", "NW-S23", "NW-S24",
}

// campaign is one weekly Mailchimp send; code is the discount code it advertises ("" for content mails).
type campaign struct {
	title string
	slug  string
	code  string
	pct   int
}

var campaigns = []campaign{
	{"Winter Clearance: up to 40% off", "winter-clearance", "CLEAR40", 20},
	{"New Arrivals: Spring Trail Collection", "new-arrivals", "", 0},
	{"Members' Flash Sale 20% off", "flash-sale", "FLASH20", 20},
	{"Your Spring Camping Checklist", "camping-checklist", "", 0},
	{"Trail Weekend: 15% off footwear", "trail-weekend", "TRAIL15", 15},
	{"Gear Care Tips from our Guides", "gear-care", "", 0},
	{"Free Shipping Weekend", "free-shipping", "SHIPFREE", 10},
	{"Summer Kickoff Sale", "summer-kickoff", "SUMMER20", 20},
}

var supportSubjects = []string{
	"Where is my order?",
	"Item arrived damaged",
	"Refund request",
	"Wrong size sent",
	"Still waiting for my refund",
	"Cannot log in to my account",
	"Order cancelled without notice",
}

// Subjects of the few calm tickets other personas open.
var calmSubjects = []string{"Question about sizing", "Return question", "Product care question", "Discount code not applied"}

const frictionSubject = "Payment declined at checkout"
