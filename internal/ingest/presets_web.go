package ingest

// Segment and RudderStack share the same event spec: track, identify and page calls with userId,
// anonymousId, timestamp, event (track) or name (page), traits on identify and context.* everywhere.
func detectSegment(v *sampleView) float64 {
	return required(v, 0.75,
		[][]string{{"anonymousId", "userId"}, {"timestamp", "originalTimestamp", "receivedAt", "sentAt"}, {"type", "messageId"}},
		[]string{"event"}, []string{"messageId"}, []string{"context.library.name"})
}

func buildSegment(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("user_id", "userId")
	b.id("anonymous_id", "anonymousId")
	b.id(TypeEmail, "traits.email", "context.traits.email", "properties.email")
	b.id(TypePhone, "traits.phone", "context.traits.phone")
	// Track calls name the event in "event", page and screen calls in "name"; each row has one of them.
	event, name := v.find("event"), v.find("name")
	var tp Field
	switch {
	case event != "" && name != "":
		tp = Field{Template: "{" + event + "}{" + name + "}"}
	case event != "":
		tp = Field{Column: event}
	case name != "":
		tp = Field{Column: name}
	default:
		tp = Field{Template: "{type}"}
	}
	// Identify calls carry no event name: they only link ids and traits, so the event is optional.
	if ev := b.event(tp, "timestamp", "originalTimestamp", "receivedAt", "sentAt"); ev != nil {
		ev.Optional = true
		ev.Channel = b.col("context.campaign.medium", "context.campaign.source", "channel")
		ev.Device = b.col("context.device.type")
		ev.Value = v.find("properties.revenue", "properties.total", "properties.value")
	}
	b.attr("plan", "traits.plan", "context.traits.plan")
	b.attr("country", "context.location.country", "traits.address.country")
	b.attr("first_name", "traits.firstName", "traits.first_name")
	b.attr("last_name", "traits.lastName", "traits.last_name")
	return b.r
}

// GA4's BigQuery export has one row per event with event_timestamp in microseconds; the JSON reader
// flattens event_params into event_params.<key> columns.
func detectGA4(v *sampleView) float64 {
	return required(v, 0.8,
		[][]string{{"event_timestamp"}, {"event_name"}, {"user_pseudo_id"}},
		[]string{"event_date"}, []string{"device.category"}, []string{"traffic_source.medium"})
}

func buildGA4(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("ga_client_id", "user_pseudo_id")
	b.id("user_id", "user_id")
	if ev := b.event(Field{Column: v.find("event_name")}, "event_timestamp"); ev != nil {
		ev.Channel = b.col("collected_traffic_source.manual_medium", "traffic_source.medium", "event_params.medium")
		ev.Device = b.col("device.category")
		ev.Value = v.find("ecommerce.purchase_revenue", "event_value_in_usd", "event_params.value")
		ev.Text = v.find("event_params.page_title")
	}
	b.attr("country", "geo.country")
	b.attr("city", "geo.city")
	b.attr("first_source", "traffic_source.source")
	return b.r
}

// Mixpanel's raw export is JSON Lines of {"event": ..., "properties": {"time": <seconds>, "distinct_id":
// ..., "$device_id", "$user_id", ...}}.
func detectMixpanel(v *sampleView) float64 {
	return required(v, 0.8,
		[][]string{{"event"}, {"properties.time"}, {"properties.distinct_id"}},
		[]string{"properties.$insert_id"}, []string{"properties.mp_lib", "properties.mp_processing_time_ms"})
}

func buildMixpanel(v *sampleView) Recipe {
	b := recipeBuilder{v: v}
	b.id("user_id", "properties.$user_id")
	b.id("device_id", "properties.$device_id")
	b.id("mixpanel_distinct_id", "properties.distinct_id")
	b.id(TypeEmail, "properties.$email", "properties.email")
	if ev := b.event(Field{Column: v.find("event")}, "properties.time"); ev != nil {
		ev.Channel = b.col("properties.utm_medium", "properties.utm_source", "properties.$initial_referring_domain")
		ev.Device = b.col("properties.$device", "properties.$os")
		ev.Value = v.find("properties.revenue", "properties.amount", "properties.price")
	}
	b.attr("country", "properties.mp_country_code")
	b.attr("city", "properties.$city")
	b.attr("region", "properties.$region")
	return b.r
}
