"""Regional merchants for the bank layouts, as card networks print them.

Each entry is (name template, location, low, high, weight) with amounts in the region's own
currency. Templates use the placeholders of `processing.samples.ledger.fill_descriptor`
({nK} digits, {xK} capitals/digits). US spending comes from `processing.samples.data.MERCHANTS`.
"""

from __future__ import annotations

Merchant = tuple[str, str, float, float, int]

SG: tuple[Merchant, ...] = (
    ("GRAB* A-{x10}", "SINGAPORE SG", 6, 48, 8),
    ("BUS/MRT {n9}", "SINGAPORE SG", 1, 14, 7),
    ("NTUC FAIRPRICE-{n4}", "SINGAPORE SG", 4, 180, 5),
    ("COLD STORAGE-GREAT WORLD", "SINGAPORE SG", 8, 160, 3),
    ("YA KUN KAYA TOAST", "SINGAPORE SG", 3, 18, 4),
    ("KOPITIAM @ VIVOCITY", "SINGAPORE SG", 4, 26, 4),
    ("STARBUCKS@RAFFLES CITY", "SINGAPORE SG", 6, 32, 4),
    ("SHOPEE SINGAPORE MP", "SINGAPORE SG", 9, 420, 4),
    ("CHALLENGER TECHNOLOGIES", "SINGAPORE SG", 29, 2890, 2),
    ("SINGAPORE AIRLINES 618{n10}", "SINGAPORE SG", 280, 6400, 2),
    ("SP DIGITAL PTE LTD", "SINGAPORE SG", 40, 380, 1),
    ("MARINA BAY SANDS HOTEL", "SINGAPORE SG", 520, 4800, 1),
    ("LAZADA SINGAPORE PTE", "SINGAPORE SG", 12, 640, 2),
    ("DIN TAI FUNG-PARAGON", "SINGAPORE SG", 28, 390, 2),
)

IN: tuple[Merchant, ...] = (
    ("SWIGGY", "BANGALORE", 180, 2400, 7),
    ("ZOMATO ONLINE ORDER", "GURGAON", 150, 2900, 6),
    ("AMAZON PAY INDIA PRIVATE", "BANGALORE", 299, 48000, 5),
    ("UBER INDIA SYSTEMS PVT", "MUMBAI", 120, 1800, 6),
    ("INDIGO AIRLINES 6E{n8}", "GURGAON", 3800, 42000, 3),
    ("MAKEMYTRIP INDIA PVT LT", "NEW DELHI", 2500, 185000, 2),
    ("RELIANCE RETAIL LTD", "MUMBAI", 450, 26000, 3),
    ("BHARAT PETROLEUM CORP", "PUNE", 800, 5200, 4),
    ("TAJ MAHAL PALACE HOTEL", "MUMBAI", 18000, 240000, 1),
    ("CROMA INFINITI RETAIL", "CHENNAI", 1500, 165000, 2),
    ("IRCTC WWW IRCTC CO IN", "NEW DELHI", 350, 7800, 3),
    ("FLIPKART INTERNET PVT", "BANGALORE", 399, 72000, 3),
    ("BIGBASKET SUPERMARKET", "BANGALORE", 600, 6500, 3),
    ("DMART AVENUE SUPERMARTS", "THANE", 700, 9000, 2),
    ("ITC MARATHA HOTEL", "MUMBAI", 9000, 135000, 1),
)

UK: tuple[Merchant, ...] = (
    ("TESCO STORES {n4}", "LONDON", 3, 140, 6),
    ("SAINSBURYS S/MKTS {n4}", "MANCHESTER", 4, 120, 4),
    ("PRET A MANGER", "LONDON", 3, 24, 6),
    ("TFL TRAVEL CH", "LONDON", 2, 18, 7),
    ("TRAINLINE.COM", "EDINBURGH", 12, 310, 3),
    ("BRITISH AIRWAYS 125{n10}", "LONDON", 90, 2400, 2),
    ("PREMIER INN {n5}", "BIRMINGHAM", 60, 480, 3),
    ("AMAZON.CO.UK*{x9}", "LONDON", 6, 380, 4),
    ("COSTA COFFEE {n5}", "LEEDS", 2, 16, 5),
    ("WAITROSE {n4}", "BRISTOL", 5, 160, 3),
    ("JOHN LEWIS PLC", "GLASGOW", 15, 1400, 2),
    ("DISHOOM KINGS CROSS", "LONDON", 25, 240, 2),
)

DE: tuple[Merchant, ...] = (
    ("REWE MARKT GMBH", "KÖLN", 4, 150, 5),
    ("DB VERTRIEB GMBH", "FRANKFURT", 18, 290, 5),
    ("LUFTHANSA 220{n10}", "FRANKFURT", 120, 2600, 2),
    ("ARAL STATION {n6}", "MÜNCHEN", 30, 110, 4),
    ("HOTEL ADLON KEMPINSKI", "BERLIN", 240, 3100, 1),
    ("EDEKA CENTER", "HAMBURG", 5, 130, 4),
    ("MEDIA MARKT {n3}", "DÜSSELDORF", 19, 1900, 2),
    ("AMAZON EU S.A R.L.", "LUXEMBOURG", 9, 420, 4),
    ("BACKWERK {n4}", "STUTTGART", 2, 14, 4),
    ("SIXT GMBH", "PULLACH", 60, 640, 2),
)

FR: tuple[Merchant, ...] = (
    ("CARREFOUR CITY", "PARIS 11", 4, 120, 5),
    ("SNCF INTERNET", "PARIS", 15, 280, 4),
    ("AIR FRANCE 057{n10}", "ROISSY", 140, 2200, 2),
    ("TOTALENERGIES RELAIS", "LYON", 35, 110, 3),
    ("FNAC DARTY", "PARIS", 12, 1500, 2),
    ("MONOPRIX", "BORDEAUX", 5, 140, 4),
    ("LA POSTE", "LILLE", 2, 48, 3),
    ("HOTEL IBIS STYLES", "NANTES", 70, 420, 2),
    ("BOULANGERIE PAUL", "PARIS 08", 3, 19, 4),
)

SE: tuple[Merchant, ...] = (
    ("ICA SUPERMARKET", "STOCKHOLM", 40, 1800, 5),
    ("SJ AB", "STOCKHOLM", 95, 2400, 4),
    ("SAS 117{n10}", "STOCKHOLM", 900, 18000, 2),
    ("SCANDIC HOTELS", "GOTEBORG", 1100, 9800, 2),
    ("PRESSBYRAN {n4}", "MALMO", 25, 180, 4),
    ("ESPRESSO HOUSE", "UPPSALA", 38, 240, 5),
    ("CIRCLE K {n4}", "STOCKHOLM", 300, 1200, 3),
    ("TAXI STOCKHOLM", "STOCKHOLM", 120, 780, 4),
    ("CLAS OHLSON {n3}", "STOCKHOLM", 60, 3900, 2),
)

# Local currency of each region and, per foreign region, the billing rate (local per foreign).
CURRENCY = {"sg": "SGD", "in": "INR", "uk": "GBP", "de": "EUR", "fr": "EUR", "se": "SEK"}
CURRENCY["us"] = "USD"
TABLES = {"sg": SG, "in": IN, "uk": UK, "de": DE, "fr": FR, "se": SE}
RATES: dict[str, dict[str, float]] = {
    "sg": {"us": 1.3412, "uk": 1.7105},
    "in": {"us": 83.215, "sg": 62.044},
    "uk": {"us": 0.7893, "de": 0.8571},
    "de": {"us": 0.9214, "uk": 1.1668},
    "fr": {"us": 0.9214},
    "se": {"de": 11.402, "us": 10.553},
    "us": {"uk": 1.2705, "de": 1.0852},
}
