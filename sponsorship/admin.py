"""The programme's funds, fare estimates and rates, per conference, for the sponsorship
committee alone (va_conference/roles.py)."""

from django.contrib import admin

from .models import Budget, FareEstimate, Fund


class OfTheConference(admin.ModelAdmin):
    """Opened from the conference's dashboard, on the conference's own entries."""

    list_filter = ("conference",)
    list_select_related = ("conference",)

    def get_changeform_initial_data(self, request):
        return {"conference": request.GET.get("conference")}


@admin.register(Budget)
class BudgetAdmin(OfTheConference):
    list_display = ("conference", "currency", "dsa_rate", "nights")


@admin.register(Fund)
class FundAdmin(OfTheConference):
    list_display = ("donor", "conference", "amount", "pays")
    search_fields = ("donor",)


@admin.register(FareEstimate)
class FareEstimateAdmin(OfTheConference):
    list_display = ("country", "conference", "amount")
    list_editable = ("amount",)
