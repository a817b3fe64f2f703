"""The Tickets page (首问负责制): queue, detail, opening form, reports and the deadline reminder."""
