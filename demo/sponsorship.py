"""A conference's sponsorship programme in the demonstration data: its rates, funds and fare
estimates."""

from sponsorship.models import Budget, FareEstimate, Fund


def load_sponsorship(data, conference):
    Budget.objects.update_or_create(
        conference=conference,
        defaults={
            "currency": data["currency"],
            "dsa_rate": data["dsa_rate"],
            "nights": data["nights"],
        },
    )
    for fund in data["funds"]:
        Fund.objects.update_or_create(
            conference=conference,
            donor=fund["donor"],
            defaults={"amount": fund["amount"], "pays": fund["pays"]},
        )
    for country, amount in data["fares"].items():
        FareEstimate.objects.update_or_create(
            conference=conference, country=country, defaults={"amount": amount}
        )
