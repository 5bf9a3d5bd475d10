"""Static tables the generator draws from: people, places, companies and merchants."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReceiptLayout = Literal["till", "invoice", "folio", "ride"]


@dataclass(frozen=True)
class City:
    """A place as a card network truncates it (descriptor) and as a receipt prints it."""

    descriptor: str
    name: str
    state: str


@dataclass(frozen=True)
class Merchant:
    """One merchant: its human name on receipts and how the card network mangles it."""

    receipt_name: str
    # Placeholders: {nK} K random digits, {xK} K random capitals/digits, {city} "CITY ST",
    # {dow} weekday abbreviation, {hour} 1-12.
    descriptor: str
    low_cents: int
    high_cents: int
    layout: ReceiptLayout
    category: str
    weight: int


def _m(
    name: str,
    descriptor: str,
    low: float,
    high: float,
    layout: ReceiptLayout,
    category: str,
    weight: int,
) -> Merchant:
    return Merchant(name, descriptor, round(low * 100), round(high * 100), layout, category, weight)


CITIES: tuple[City, ...] = (
    City("ATLANTA GA", "Atlanta", "GA"),
    City("NEW YORK NY", "New York", "NY"),
    City("CHICAGO IL", "Chicago", "IL"),
    City("HOUSTON TX", "Houston", "TX"),
    City("SAN FRANCISCO CA", "San Francisco", "CA"),
    City("SEATTLE WA", "Seattle", "WA"),
    City("DENVER CO", "Denver", "CO"),
    City("BOSTON MA", "Boston", "MA"),
    City("AUSTIN TX", "Austin", "TX"),
    City("PHOENIX AZ", "Phoenix", "AZ"),
    City("MIAMI FL", "Miami", "FL"),
    City("MINNEAPOLIS MN", "Minneapolis", "MN"),
    # Networks cut city names to 13 characters; receipts spell them out.
    City("SALT LAKE CTY UT", "Salt Lake City", "UT"),
    City("ST LOUIS MO", "St. Louis", "MO"),
    City("WASHINGTON DC", "Washington", "DC"),
    City("NASHVILLE TN", "Nashville", "TN"),
)

STREETS: tuple[str, ...] = (
    "Main St",
    "Market St",
    "Peachtree St NE",
    "Broadway",
    "Congress Ave",
    "Michigan Ave",
    "Pine St",
    "Colfax Ave",
    "Boylston St",
    "Camelback Rd",
    "Brickell Ave",
    "Nicollet Mall",
    "State St",
    "Washington Ave",
    "K St NW",
    "West End Ave",
)

MERCHANTS: tuple[Merchant, ...] = (
    # Till receipts: shops, fuel, food.
    _m("Starbucks", "STARBUCKS STORE {n5} {city}", 4, 38, "till", "coffee", 8),
    _m("7-Eleven", "7-ELEVEN {n5}", 3, 28, "till", "convenience", 5),
    _m("Shell", "SHELL OIL {n8} {city}", 25, 95, "till", "fuel", 6),
    _m("ExxonMobil", "EXXONMOBIL {n8} {city}", 25, 95, "till", "fuel", 4),
    _m("Chipotle Mexican Grill", "CHIPOTLE {n4} {city}", 9, 65, "till", "meal", 4),
    _m("Panera Bread", "PANERA BREAD #{n6} {city}", 7, 240, "till", "meal", 3),
    _m("The Capital Grille", "TST* THE CAPITAL GRILLE {n5} {city}", 85, 1450, "till", "meal", 3),
    _m("Staples", "STAPLES {n8} {city}", 8, 420, "till", "office", 3),
    _m("Office Depot", "OFFICE DEPOT #{n4} {city}", 8, 380, "till", "office", 2),
    _m("Apple Store", "APPLE STORE #R{n3} {city}", 29, 3899, "till", "electronics", 2),
    _m("SP+ Parking", "SP+ PARKING {n4} {city}", 6, 68, "till", "parking", 3),
    # Invoices and e-receipts.
    _m("Delta Air Lines", "DELTA AIR 006{n10} {city}", 149, 1890, "invoice", "air", 4),
    _m("United Airlines", "UNITED 016{n10} 800-932-2732 TX", 169, 2390, "invoice", "air", 3),
    # No space between name and ticket number, exactly as the network sends it.
    _m("American Airlines", "AMERICAN AIR001{n10} FORT WORTH TX", 139, 1750, "invoice", "air", 3),
    _m("Amtrak", "AMTRAK TEL {n10} WASHINGTON DC", 39, 420, "invoice", "rail", 2),
    _m("Amazon.com", "AMZN MKTP US*{x9} AMZN.COM/BILL WA", 12, 680, "invoice", "office", 6),
    _m("FedEx", "FEDEX {n9} MEMPHIS TN", 11, 260, "invoice", "shipping", 2),
    _m("Zoom", "ZOOM.US 888-799-9666 CA", 15, 250, "invoice", "software", 2),
    _m("Microsoft", "MSFT *{x8} MSBILL.INFO WA", 12, 1320, "invoice", "software", 2),
    _m("Adobe", "ADOBE *CREATIVE CLOUD 408-536-6000 CA", 59, 1100, "invoice", "software", 1),
    _m(
        "Dell Technologies",
        "DELL MARKETING L.P. 800-456-3355 TX",
        1100,
        14600,
        "invoice",
        "electronics",
        1,
    ),
    _m(
        "Moscone Center",
        "MOSCONE CENTER EXHIBITOR SERVICES BOOTH {n4} SAN FRANCISCO CA 94103",
        2500,
        16800,
        "invoice",
        "event",
        1,
    ),
    _m("Eventbrite", "EVENTBRITE/{x7} SAN FRANCISCO CA", 25, 1950, "invoice", "event", 1),
    # Folios: hotels and car rental.
    _m(
        "Marriott",
        "MARRIOTT SAN FRANCISCO MARQUIS 780 MISSION ST SAN FRANCISCO CA",
        219,
        4800,
        "folio",
        "hotel",
        2,
    ),
    _m("Hilton Garden Inn", "HILTON GARDEN INN {city}", 129, 1900, "folio", "hotel", 3),
    _m(
        "Hyatt Regency",
        "HYATT REGENCY CHICAGO 151 E WACKER DR CHICAGO IL GROUP MASTER ACCOUNT",
        1800,
        15400,
        "folio",
        "hotel",
        1,
    ),
    _m("Hertz", "HERTZ RENT-A-CAR {n6} {city}", 65, 980, "folio", "car", 2),
    _m("Enterprise Rent-A-Car", "ENTERPRISE RENT-A-CAR {n6} {city}", 55, 860, "folio", "car", 2),
    # Rides.
    _m("Uber", "UBER *TRIP HELP.UBER.COM CA", 9, 96, "ride", "ride", 6),
    _m("Lyft", "LYFT *RIDE {dow} {hour}PM", 8, 88, "ride", "ride", 4),
)

# Merchants whose range reaches past 10,000.00, used to guarantee a few large charges.
BIG_TICKET: tuple[Merchant, ...] = tuple(m for m in MERCHANTS if m.high_cents > 1_000_000)

# Receipts that never reach a corporate card statement (the employee paid privately).
PERSONAL_MERCHANTS: tuple[Merchant, ...] = (
    _m("Target", "", 6, 240, "till", "convenience", 1),
    _m("Whole Foods Market", "", 9, 180, "till", "meal", 1),
    _m("CVS Pharmacy", "", 4, 90, "till", "convenience", 1),
    _m("The Home Depot", "", 12, 640, "till", "office", 1),
    _m("Netflix", "", 7, 23, "invoice", "software", 1),
    _m("Airbnb", "", 140, 1900, "folio", "hotel", 1),
    _m("Lyft", "", 8, 60, "ride", "ride", 1),
)

FIRST_NAMES: tuple[str, ...] = (
    "JANE",
    "JOHN",
    "MARIA",
    "DAVID",
    "AISHA",
    "WEI",
    "PRIYA",
    "CARLOS",
    "EMILY",
    "MICHAEL",
    "SARAH",
    "JAMES",
    "FATIMA",
    "LIAM",
    "OLIVIA",
    "NOAH",
    "SOFIA",
    "ETHAN",
    "HANNAH",
    "LUCAS",
    "CHLOE",
    "MATEO",
    "GRACE",
    "OMAR",
    "ZOE",
    "DANIEL",
    "MEI",
    "ANDREW",
    "NATALIA",
    "KWAME",
    "ELENA",
    "RAJ",
    "CLAIRE",
    "TOMAS",
    "YUKI",
    "SAMUEL",
    "LEAH",
    "VIKTOR",
    "AMARA",
    "BENJAMIN",
    "ISABEL",
    "HENRY",
    "NADIA",
    "OSCAR",
    "RUTH",
    "PETER",
    "ANA",
    "GEORGE",
    "LAYLA",
    "MARCUS",
)

LAST_NAMES: tuple[str, ...] = (
    "DOE",
    "SMITH",
    "JOHNSON",
    "NGUYEN",
    "GARCIA",
    "PATEL",
    "KIM",
    "MULLER",
    "ROSSI",
    "CHEN",
    "WILLIAMS",
    "BROWN",
    "OKAFOR",
    "HERNANDEZ",
    "MARTIN",
    "LEE",
    "WALKER",
    "ALVAREZ",
    "COHEN",
    "IVANOV",
    "TANAKA",
    "SINGH",
    "ANDERSSON",
    "MURPHY",
    "LOPEZ",
    "WRIGHT",
    "SCOTT",
    "GREEN",
    "ADAMS",
    "BAKER",
    "NELSON",
    "CARTER",
    "MITCHELL",
    "PEREZ",
    "ROBERTS",
    "TURNER",
    "PHILLIPS",
    "CAMPBELL",
    "PARKER",
    "EVANS",
    "EDWARDS",
    "COLLINS",
    "STEWART",
    "MORRIS",
    "ROGERS",
    "REED",
    # Punctuation and spaces in surnames trip naive name patterns.
    "O'BRIEN",
    "GARCIA-LOPEZ",
    "VAN DYKE",
    "ST. CLAIR",
    "MCDONALD",
    "DE LA CRUZ",
    "SMITH-JONES",
    "D'ANGELO",
    "MACKENZIE",
    "NAKAMURA",
    "FITZGERALD",
    "BJORKLUND",
    "ABERNATHY",
    "OYELARAN",
)

COMPANIES: tuple[str, ...] = (
    "ACME HOLDINGS INC",
    "FABRIKAM INC",
    "TAILSPIN TOYS LLC",
    "WINGTIP TOYS CORP",
    "LITWARE INC",
    "ADVENTURE WORKS CYCLES",
    "COHO WINERY LLC",
    "PROSEWARE INC",
    "TREY RESEARCH LTD",
)

ITEMS: dict[str, tuple[str, ...]] = {
    "coffee": (
        "Latte Grande",
        "Cold Brew",
        "Croissant",
        "Americano",
        "Blueberry Muffin",
        "Chai Tea Latte",
        "Breakfast Sandwich",
    ),
    "convenience": (
        "Bottled Water",
        "Energy Drink",
        "Chips",
        "Phone Charger",
        "Gum",
        "Sandwich",
        "Aspirin 24ct",
    ),
    "fuel": ("Unleaded Regular", "Unleaded Plus", "Premium", "Diesel"),
    "meal": (
        "Burrito Bowl",
        "Chicken Salad",
        "Steak Frites",
        "Iced Tea",
        "Side Salad",
        "Soup of the Day",
        "Filet Mignon",
        "House Red Glass",
        "Sparkling Water",
        "Dessert",
    ),
    "office": (
        "Copy Paper 10 Ream",
        "Toner Cartridge HP 58A",
        "Sticky Notes 12pk",
        "USB-C Hub",
        "Binder Clips",
        "Whiteboard Markers",
        "Shipping Boxes 25ct",
        "Desk Lamp",
        "HDMI Cable 6ft",
    ),
    "electronics": (
        "MacBook Pro 14in",
        "USB-C Power Adapter",
        "Monitor 27in 4K",
        "Docking Station WD22TB4",
        "AppleCare+",
        "Latitude 7450 Laptop",
        "Keyboard and Mouse Combo",
    ),
    "parking": ("Daily Parking", "Event Parking", "Overnight Parking"),
    "air": ("Airfare", "Seat Upgrade", "Checked Bag Fee", "Carrier-Imposed Fee"),
    "rail": ("Acela Business Class", "Northeast Regional Coach", "Seat Reservation"),
    "shipping": ("FedEx Priority Overnight", "FedEx 2Day", "FedEx Ground", "Packaging"),
    "software": (
        "Pro Plan Monthly",
        "Business Seats",
        "Cloud Storage 2TB",
        "Annual Subscription",
        "Add-on Licenses",
    ),
    "event": (
        "Conference Pass",
        "Booth Electrical",
        "Exhibitor Furniture Rental",
        "Workshop Ticket",
        "Booth Internet",
    ),
    "hotel": ("Room Charge", "Room Charge", "Room Charge"),
    "car": ("Time and Mileage", "Time and Mileage", "Time and Mileage"),
    "ride": ("Trip fare",),
}
