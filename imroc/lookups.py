"""An id no column can hold matches nothing, on every database.

Django already answers ``pk=2**64`` with no row (``IntegerFieldOverflow``), but ``pk__in``
hands the number to the driver: SQLite's raises ``OverflowError`` (a 500 from any
``ModelMultipleChoiceField`` fed a tampered id). Out-of-range values are dropped from the
list here instead, so every form's choice field answers "Select a valid choice" and every
filter finds nothing, whichever backend runs."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
