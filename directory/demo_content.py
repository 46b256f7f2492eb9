"""The demo directory for the sample partnership: invented organisations in
Chorley and South Ribble. Names are fictional; contact details use example.org
and the 01632 960xxx drama range."""

SERVICE_TYPES = [
    ("free-wifi", "Free wifi"),
    ("public-computers", "Computers to use"),
    ("device-loans", "Devices to borrow"),
    ("free-data", "Free mobile data or SIM cards"),
    ("printing", "Printing and scanning"),
    ("online-forms", "Help with online forms and accounts (Universal Credit, NHS App)"),
    ("drop-in", "Drop-in help"),
    ("one-to-one", "One-to-one appointments"),
    ("phone-help", "Help by phone"),
    ("staying-safe", "Help to stay safe online"),
]

ACCESSIBILITY_FEATURES = [
    ("step-free", "Step-free access"),
    ("accessible-toilet", "Accessible toilet"),
    ("hearing-loop", "Hearing loop"),
    ("assistive-technology", "Assistive technology"),
    ("large-screens", "Large screens"),
    ("quiet-space", "Quiet space"),
    ("parking", "Parking"),
    ("near-bus-stop", "Near a bus stop"),
]

LANGUAGES = [
    ("polish", "Polish", "pl"),
    ("urdu", "Urdu", "ur"),
    ("gujarati", "Gujarati", "gu"),
    ("punjabi", "Punjabi", "pa"),
    ("arabic", "Arabic", "ar"),
    ("bsl", "British Sign Language", "bfi"),
]

AREAS = {
    "Chorley": ["Chorley East", "Chorley North West", "Astley and Buckshaw", "Euxton", "Coppull"],
    "South Ribble": ["Leyland Central", "Penwortham East", "Bamber Bridge East", "Longton"],
}

# Postcode district: (town, ward)
DISTRICT_PLACES = {
    "PR6": ("Chorley", "Chorley East"),
    "PR7": ("Chorley", "Chorley North West"),
    "PR25": ("Leyland", "Leyland Central"),
    "PR26": ("Leyland", "Leyland Central"),
    "PR5": ("Bamber Bridge", "Bamber Bridge East"),
    "PR1": ("Penwortham", "Penwortham East"),
    "PR4": ("Longton", "Longton"),
}

# (name, kind, summary)
ORGANISATIONS = [
    (
        "Astley Digital Hub",
        "social_enterprise",
        "A community tech hub helping people of all ages get online.",
    ),
    ("Ribble Connect", "charity", "A charity lending refurbished laptops and tablets."),
    (
        "Leyland Community Tech Trust",
        "charity",
        "Volunteers who help with phones, tablets and computers.",
    ),
    ("Penwortham Good Neighbours", "community", "Neighbours helping neighbours, including online."),
    (
        "Buckshaw Village Library Friends",
        "library",
        "Friends of the village library running digital drop-ins.",
    ),
    (
        "Euxton Silver Surfers",
        "community",
        "A friendly club for older people learning to use the internet.",
    ),
    (
        "Bamber Bridge Community Centre",
        "community",
        "The village's community centre, with computers and free wifi.",
    ),
    (
        "Coppull Community Larder",
        "charity",
        "A food larder that also helps with Universal Credit online.",
    ),
    (
        "Lostock Hall Family Centre",
        "charity",
        "Help for families, including free data and devices.",
    ),
    (
        "Chorley Welcome Network",
        "charity",
        "Support for refugees and new arrivals, in several languages.",
    ),
    (
        "South Ribble Carers Network",
        "charity",
        "Support for unpaid carers, including online services.",
    ),
    ("Whittle Village Hall Trust", "community", "A village hall with weekly tech help sessions."),
    ("Adlington Mens Shed", "community", "A shed where members fix things, including computers."),
    ("Longton Parish Rooms", "community", "Parish rooms hosting digital help and coffee mornings."),
    (
        "Leyland Jobs and Skills Hub",
        "social_enterprise",
        "Help with job searches, CVs and online applications.",
    ),
    ("Chorley Homes Together", "housing", "A housing provider helping tenants get online."),
    (
        "North West Tech Reuse",
        "social_enterprise",
        "Refurbishes donated devices for people who need them.",
    ),
    ("Ribble Deaf Centre", "charity", "Digital help in British Sign Language."),
    (
        "Faith Together Chorley",
        "community",
        "Churches and mosques working together on digital help.",
    ),
    ("Leyland Library Volunteers", "library", "Volunteers running computer help in the library."),
    ("Market Walk Help Point", "council", "A council help point in the town centre."),
    ("Penwortham Library Friends", "library", "Digital drop-ins and a device lending scheme."),
    (
        "Farington Community Association",
        "community",
        "A community association with a computer room.",
    ),
    (
        "Clayton Residents Association",
        "community",
        "Residents helping residents, with a weekly drop-in.",
    ),
    (
        "Walton-le-Dale Community Cafe",
        "social_enterprise",
        "A cafe with free wifi and friendly help.",
    ),
]

VENUES = [
    "Community Centre",
    "Library",
    "Church Hall",
    "Youth Centre",
    "Village Hall",
    "Civic Centre",
    "Health Centre",
    "Leisure Centre",
    "Cafe",
    "Methodist Hall",
]

STREETS = ["Market Street", "Church Road", "Station Road", "Towngate", "Park Road", "Hough Lane"]
