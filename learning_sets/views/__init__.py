"""Views by area: sets and venues, workshops and agendas, delegates and attendance, reports."""
