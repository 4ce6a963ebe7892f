package ingest

// HubSpot contact exports use property labels: Record ID, First Name, Last Name, Email, Phone Number,
// Create Date, Lifecycle Stage, Lead Status, Original Source, Became a Customer Date, ...
func detectHubSpotContacts(v *sampleView) float64 {
	if v.has("Deal Stage") {
		return 0
	}
	return required(v, 0.7,
		[][]string{{"Record ID", "Contact ID"}, {"Email"}, {"Create Date"}},
		[]string{"Lifecycle Stage"}, []string{"First Name"}, []string{"Last Name"}, []string{"Phone Number"}, []string{"Lead Status"})
}

func buildHubSpotContacts(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id(TypeEmail, "Email")
	b.id(TypePhone, "Phone Number", "Mobile Phone Number")
	b.id("hubspot_contact_id", "Record ID", "Contact ID")
	if ev := b.event(Field{Const: "Contact created"}, "Create Date"); ev != nil {
		ev.Channel = b.col("Original Source", "Latest Source")
	}
	if ev := b.event(Field{Const: "Became a customer"}, "Became a Customer Date"); ev != nil {
		ev.Channel = constField("sales")
	}
	b.attr("lifecycle_stage", "Lifecycle Stage")
	b.attr("lead_status", "Lead Status")
	b.attr("first_name", "First Name")
	b.attr("last_name", "Last Name")
	b.attr("company", "Company Name")
	b.attr("city", "City")
	b.attr("country", "Country/Region", "Country")
	return b.r
}

// HubSpot deal exports: Record ID, Deal Name, Deal Stage, Pipeline, Amount, Create Date, Close Date, Deal
// owner, and association columns (Associated Contact IDs, Associated Company IDs) when chosen.
func detectHubSpotDeals(v *sampleView) float64 {
	return required(v, 0.7,
		[][]string{{"Deal Stage"}, {"Create Date"}, {"Record ID", "Deal ID"}},
		[]string{"Deal Name"}, []string{"Amount"}, []string{"Close Date"}, []string{"Pipeline"})
}

func buildHubSpotDeals(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("hubspot_deal_id", "Record ID", "Deal ID")
	b.id("hubspot_contact_id", "Associated Contact IDs", "Associated Contact ID")
	b.id("hubspot_company_id", "Associated Company IDs", "Associated Company ID")
	b.id(TypeEmail, "Associated Contact Email", "Contact Email", "Email")
	stage := v.find("Deal Stage")
	if ev := b.event(Field{Const: "Deal created"}, "Create Date"); ev != nil {
		ev.Channel = constField("sales")
	}
	if ev := b.event(Field{Template: "Deal {" + stage + "}"}, "Close Date"); ev != nil {
		ev.Channel = constField("sales")
		ev.Value = v.find("Amount")
		ev.Text = v.find("Deal Name")
	}
	b.attr("pipeline", "Pipeline")
	b.attr("deal_owner", "Deal owner", "Deal Owner")
	return b.r
}

// Salesforce opportunities, from a report export (labels: Opportunity ID, Opportunity Name, Account Name,
// Stage, Amount, Created Date, Close Date, Lead Source) or a Data Loader export (API names: Id, AccountId,
// StageName, CreatedDate, CloseDate, LeadSource).
func detectSalesforce(v *sampleView) float64 {
	report := required(v, 0.75,
		[][]string{{"Opportunity ID", "Opportunity Name"}, {"Stage"}, {"Created Date"}},
		[]string{"Close Date"}, []string{"Amount"}, []string{"Account Name"}, []string{"Lead Source"})
	api := required(v, 0.75,
		[][]string{{"StageName"}, {"CloseDate"}, {"CreatedDate"}},
		[]string{"AccountId"}, []string{"Amount"}, []string{"LeadSource"})
	return max(report, api)
}

func buildSalesforce(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("salesforce_opportunity_id", "Opportunity ID", "Id")
	b.id("salesforce_account_id", "Account ID", "AccountId")
	b.id(TypeEmail, "Contact Email", "Contact: Email", "Email")
	b.id("salesforce_contact_id", "Contact ID", "ContactId")
	stage := v.find("Stage", "StageName")
	channel := b.col("Lead Source", "LeadSource")
	if channel == nil {
		channel = constField("sales")
	}
	if ev := b.event(Field{Const: "Opportunity created"}, "Created Date", "CreatedDate"); ev != nil {
		ev.Channel = channel
	}
	if ev := b.event(Field{Template: "Opportunity {" + stage + "}"}, "Close Date", "CloseDate"); ev != nil {
		ev.Channel = channel
		ev.Value = v.find("Amount")
		ev.Text = v.find("Opportunity Name", "Name")
	}
	b.attr("account", "Account Name")
	b.attr("opportunity_type", "Type")
	return b.r
}
