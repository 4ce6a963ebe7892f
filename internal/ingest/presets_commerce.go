package ingest

import "strings"

// Zendesk ticket exports (Views → CSV): Id, Requester, Requester email, Subject, Status, Priority,
// Created at, Updated at, Solved at, Via (web, email, chat, voice...), Satisfaction Score ("Good", "Bad",
// "Offered"...), Group, Assignee, Tags.
func detectZendesk(v *sampleView) float64 {
	return required(v, 0.7,
		[][]string{{"Requester email", "Requester"}, {"Created at"}, {"Subject", "Via"}},
		[]string{"Solved at"}, []string{"Satisfaction Score"}, []string{"Via"}, []string{"Id", "Ticket ID"}, []string{"Status"})
}

func buildZendesk(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id(TypeEmail, "Requester email")
	b.id("zendesk_user_id", "Requester id", "Requester ID")
	b.id("customer_id", "Requester external id", "Requester external ID")
	channel := b.col("Via", "Channel")
	if channel == nil {
		channel = constField("support")
	}
	if ev := b.event(Field{Const: "Support ticket opened"}, "Created at"); ev != nil {
		ev.Channel = channel
		ev.Text = v.find("Subject")
	}
	if ev := b.event(Field{Const: "Support ticket solved"}, "Solved at"); ev != nil {
		ev.Channel = channel
		// Zendesk scores are words (Good, Bad, Offered); a numeric score column (some exports and
		// survey add-ons) becomes a rating, a worded one stays out of the numbers.
		if c := v.find("Satisfaction Score", "Satisfaction Rating"); c != "" && v.numeric(c) {
			ev.Rating = ratingSpec(v, c)
		}
	}
	b.attr("name", "Requester")
	return b.r
}

// Shopify order exports: Name (#1001), Email, Financial Status, Paid at, Fulfillment Status, Fulfilled at,
// Currency, Subtotal, Total, Created at, Lineitem name, Billing Name, Billing Phone, Cancelled at, Source,
// Phone, ... An order with several line items has one row per item; only the first carries the order's
// Financial Status, so rows without it are skipped rather than counted as more orders.
func detectShopify(v *sampleView) float64 {
	return required(v, 0.7,
		[][]string{{"Name"}, {"Email"}, {"Created at"}, {"Financial Status", "Lineitem name"}},
		[]string{"Total"}, []string{"Fulfillment Status"}, []string{"Billing Name"}, []string{"Lineitem quantity"})
}

func buildShopify(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id(TypeEmail, "Email")
	b.id(TypePhone, "Phone", "Billing Phone")
	b.id("order_id", "Name")
	channel := b.col("Source")
	if channel == nil {
		channel = constField("online store")
	}
	if ev := b.event(Field{Const: "Order placed"}, "Created at"); ev != nil {
		ev.Channel = channel
		ev.Value = v.find("Total")
	}
	if ev := b.event(Field{Const: "Order fulfilled"}, "Fulfilled at"); ev != nil {
		ev.Channel = channel
	}
	if ev := b.event(Field{Const: "Order cancelled"}, "Cancelled at"); ev != nil {
		ev.Channel = channel
	}
	if fs := v.find("Financial Status"); fs != "" {
		b.r.Skip = append(b.r.Skip, SkipRule{Column: fs, Empty: true})
	}
	b.attr("billing_name", "Billing Name")
	b.attr("city", "Billing City")
	b.attr("country", "Billing Country")
	b.attr("accepts_marketing", "Accepts Marketing")
	return b.r
}

// Mailchimp campaign activity exports: Email Address (or Email), Action (open, click, bounce...),
// Timestamp, and, in multi-campaign exports, Campaign Title; a click carries its URL.
func detectMailchimp(v *sampleView) float64 {
	base := required(v, 0.7,
		[][]string{{"Email Address", "Email"}, {"Action", "Activity"}, {"Timestamp", "Time"}},
		[]string{"Campaign Title", "Campaign"}, []string{"URL"})
	if base == 0 {
		return 0
	}
	// "Action" is a generic name: confirm with the values Mailchimp writes.
	if c := v.column(v.find("Action", "Activity")); c != nil {
		for _, s := range c.Samples {
			switch strings.ToLower(s) {
			case "open", "click", "bounce", "sent", "unsubscribe", "opened", "clicked", "bounced":
				return base
			}
		}
	}
	return base - 0.2
}

func buildMailchimp(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id(TypeEmail, "Email Address", "Email")
	action := v.find("Action", "Activity")
	if ev := b.event(Field{Template: "Email {" + action + "}"}, "Timestamp", "Time"); ev != nil {
		ev.Channel = constField("email")
		ev.Text = v.find("Campaign Title", "Campaign")
	}
	b.attr("first_name", "First Name")
	b.attr("last_name", "Last Name")
	return b.r
}
