package demo

import "wayline/internal/ingest"

// The export files, in the order Export writes and lists them.
const (
	fileWeb = iota
	fileCRM
	fileMail
	fileTickets
	fileStore
	fileOrders
	numFiles
)

var fileNames = [numFiles]string{
	fileWeb:     "web_events.jsonl",
	fileCRM:     "crm_contacts.csv",
	fileMail:    "email_activity.csv",
	fileTickets: "support_tickets.csv",
	fileStore:   "store_visits.csv",
	fileOrders:  "orders.csv",
}

var fileSources = [numFiles]string{
	fileWeb:     "Web analytics (Segment)",
	fileCRM:     "CRM contacts",
	fileMail:    "Email campaigns (Mailchimp)",
	fileTickets: "Support desk (Zendesk)",
	fileStore:   "Store loyalty kiosk",
	fileOrders:  "Shopify orders",
}

func col(name string) *ingest.Field { return &ingest.Field{Column: name} }

func constant(v string) *ingest.Field { return &ingest.Field{Const: v} }

// recipe says how each demo export is imported; Export saves it beside the file as <file>.recipe.json.
func recipe(file int) ingest.Recipe {
	dayFirst := true
	r := ingest.Recipe{Source: fileSources[file]}
	switch file {
	case fileWeb:
		r.Name, r.Format = "demo-web-events", "jsonl"
		r.Identifiers = []ingest.IdentifierSpec{{Column: "anonymousId", Type: "anonymous_id"}, {Column: "userId", Type: "customer_id"}}
		r.Events = []ingest.EventSpec{{
			Time: "timestamp", Touchpoint: *col("event"), Channel: col("context.campaign.medium"),
			Device: col("context.device.type"), Value: "properties.value",
			// The product is the event's detail: viewing two different products is two steps, viewing the
			// same one again is a repeat (friction loops compare touchpoint and text).
			Text: "properties.product",
		}}
	case fileCRM:
		r.Name, r.Format = "demo-crm-contacts", "csv"
		r.Identifiers = []ingest.IdentifierSpec{{Column: "Customer ID", Type: "customer_id"}, {Column: "Email", Type: "email"}, {Column: "Phone", Type: "phone"}}
		r.Events = []ingest.EventSpec{{Time: "Create Date", Touchpoint: *constant(tpAccountCreated), Channel: constant("Account")}}
		r.Attributes = []ingest.AttributeSpec{{Column: "Name", Name: "name"}, {Column: "Region", Name: "region"}, {Column: "Loyalty Plan", Name: "plan"}}
	case fileMail:
		r.Name, r.Format = "demo-email-activity", "csv"
		r.Identifiers = []ingest.IdentifierSpec{{Column: "Email Address", Type: "email"}}
		r.Events = []ingest.EventSpec{{
			Time: "Timestamp", Touchpoint: ingest.Field{Template: "Email {Action}"}, Channel: constant("Email"),
			Text: "Campaign Title",
		}}
	case fileTickets:
		r.Name, r.Format = "demo-support-tickets", "csv"
		r.Identifiers = []ingest.IdentifierSpec{{Column: "Requester email", Type: "email"}, {Column: "Requester phone", Type: "phone"}}
		channel := &ingest.Field{Template: "Support {Channel}"}
		r.Events = []ingest.EventSpec{
			{Time: "Created at", Touchpoint: *constant(tpTicketOpened), Channel: channel, Text: "Subject"},
			{Time: "Solved at", Touchpoint: *constant(tpTicketSolved), Channel: channel,
				Rating: &ingest.RatingSpec{Column: "Satisfaction score", Min: 1, Scale: 5}},
		}
	case fileStore:
		r.Name, r.Format = "demo-store-visits", "csv"
		r.DayFirst = &dayFirst
		r.Identifiers = []ingest.IdentifierSpec{{Column: "Loyalty Phone", Type: "phone"}}
		r.Events = []ingest.EventSpec{{Time: "Visit Time", Touchpoint: *col("Action"), Channel: constant("Store"), Value: "Amount"}}
	case fileOrders:
		r.Name, r.Format = "demo-shopify-orders", "csv"
		r.Identifiers = []ingest.IdentifierSpec{{Column: "Email", Type: "email"}, {Column: "Customer ID", Type: "customer_id"}}
		r.Events = []ingest.EventSpec{{
			Time: "Created at", Touchpoint: ingest.Field{Template: "Order: {Source}"}, Channel: col("Source"),
			Value: "Total",
		}}
	}
	return r
}
