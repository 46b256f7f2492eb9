"""Text of the demo site: a fictional digital-inclusion partnership for
Chorley and South Ribble. Organisations are invented, addresses use
example.org and phone numbers come from Ofcom's drama range (01632 960xxx)."""

PARTNERSHIP = {
    "partnership_name": "Get Online Chorley and South Ribble",
    "tagline": "A digital inclusion partnership of councils, libraries and charities",
    "contact_email": "hello@example.org",
    "contact_phone": "01632 960000",
}

HOME = {
    "title": "Home",
    "hero_heading": "Everyone in Chorley and South Ribble can get online",
    "hero_text": (
        "Councils, libraries and local charities working together so that every resident "
        "has a device, a connection and the skills and confidence to use them."
    ),
}

HOME_ABOUT = (
    "<h2>What the partnership does</h2>"
    "<p>We bring together free wifi, computers to use, devices to borrow, free mobile data and "
    "friendly help in libraries, community centres and churches across both boroughs. Our "
    "digital champions are volunteers who help people one to one, at their own pace.</p>"
)

# slug: (title, intro, body paragraphs as HTML)
CONTENT_PAGES = {
    "about": (
        "About the partnership",
        "Who we are, what we do and how we are funded.",
        [
            "<p>Get Online Chorley and South Ribble began in 2024 when Chorley Council, South "
            "Ribble Borough Council, Lancashire libraries and six local charities agreed to "
            "share one directory, one referral route and one team of volunteers.</p>",
            "<p>About one in six adults in our area lack the basic digital skills needed for "
            "everyday life. Some cannot afford a device or data; others have never been shown "
            "how, or worry about scams. Our partners meet people where they are.</p>",
        ],
    ),
    "get-help": (
        "Get help to get online",
        "Free help with devices, data and skills, for anyone who lives or works here.",
        [
            "<p>You can get help at libraries, community centres and drop-in sessions across "
            "Chorley and South Ribble. Help is free and you do not need to book for most "
            "sessions.</p>",
            "<p>Call us on 01632 960000 (Monday to Friday, 9am to 5pm) and we will tell you "
            "where your nearest help is.</p>",
        ],
    ),
    "refer-someone": (
        "Refer someone for help",
        "For frontline staff and volunteers who meet someone who cannot get online.",
        [
            "<p>If you work with residents (in housing, a job centre, a GP practice or a "
            "library) you can refer them to a partner who will contact them and arrange "
            "help.</p>",
            "<p>Ask the person first: they must agree to be referred and to have their details "
            "shared with one of our partners.</p>",
        ],
    ),
    "digital-champions": (
        "Become a digital champion",
        "Volunteer an hour or two a week to help your neighbours get online.",
        [
            "<p>Digital champions help people to use a smartphone, make a video call, book a "
            "GP appointment or apply for Universal Credit. You do not need to be an expert: "
            "patience matters more than technical knowledge.</p>",
            "<p>We give you free training, and a host organisation near you supports you.</p>",
        ],
    ),
    "get-involved": (
        "Get involved",
        "Ways for organisations and people to join the partnership.",
        [
            "<p>Any organisation that helps residents get online can join: councils, "
            "libraries, housing providers, charities, faith groups and businesses.</p>",
            "<p>Partners list their help in our directory, take referrals and host digital "
            "champions. There is no fee.</p>",
        ],
    ),
}

# Further blocks for some content pages, so the demo shows every block type.
EXTRA_BLOCKS = {
    "refer-someone": [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Make a referral",
                "text": "It takes about five minutes. A partner near the resident will contact "
                "them within five working days.",
                "link": {"label": "Start a referral", "page": None, "url": "/refer/"},
            },
        },
    ],
    "digital-champions": [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Sign up to be a digital champion",
                "text": "It takes five minutes. A coordinator will contact you within two weeks.",
                "link": {"label": "Sign up", "page": None, "url": "/champions/join/"},
            },
        },
    ],
    "get-help": [
        {
            "type": "warning_text",
            "value": {"text": "Never tell anyone your bank PIN or passwords, even a helper."},
        },
        {
            "type": "accordion",
            "value": {
                "heading": "Common questions",
                "items": [
                    {
                        "heading": "Is the help free?",
                        "body": "<p>Yes. Every partner's help is free to residents.</p>",
                    },
                    {
                        "heading": "Do I need my own device?",
                        "body": "<p>No. You can use a library computer or borrow a tablet.</p>",
                    },
                    {
                        "heading": "Can someone help me in another language?",
                        "body": "<p>Several partners have staff who speak Polish, Urdu and "
                        "Gujarati. Ask when you call.</p>",
                    },
                ],
            },
        },
        {
            "type": "inset_text",
            "value": {"text": "<p>Bring photo ID if you want to borrow a device.</p>"},
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Not sure where to start?",
                "text": "Call us and we will find the help that suits you.",
                "link": {
                    "label": "Contact the partnership",
                    "page": None,
                    "url": "tel:01632960000",
                },
            },
        },
    ],
}

NETWORK_PAGE = (
    "set-up-a-network",
    "Set up a digital inclusion network",
    "How to start a partnership like ours in your own area.",
    [
        "<p>Start with who already helps people get online, and map where that help is. "
        "Agree a shared name, a single referral route and how you will count what you do.</p>",
    ],
)

ACCESSIBILITY_STATEMENT = (
    "accessibility-statement",
    "Accessibility statement",
    "This statement applies to the Get Online Chorley and South Ribble website.",
    [
        "<p>We want as many people as possible to be able to use this website. For example, "
        "that means you should be able to:</p><ul><li>change colours, contrast levels and "
        "fonts using browser or device settings</li><li>zoom in up to 400% without the text "
        "spilling off the screen</li><li>navigate most of the website using a keyboard or "
        "speech recognition software</li><li>listen to most of the website using a screen "
        "reader</li></ul>",
        "<h2>How accessible this website is</h2><p>We test every page type against the Web "
        "Content Accessibility Guidelines (WCAG) version 2.2 AA standard with automated "
        "checks in a real browser, and by using it with a keyboard only.</p>",
        "<h2>Reporting accessibility problems</h2><p>If you find a problem, or need "
        "information in a different format, email hello@example.org or call 01632 960000. "
        "We will reply within 5 working days.</p>",
        "<h2>Enforcement procedure</h2><p>The Equality and Human Rights Commission (EHRC) is "
        "responsible for enforcing the accessibility regulations. If you are not happy with "
        "how we respond to your complaint, contact the Equality Advisory and Support Service "
        "(EASS).</p>",
    ],
)

PRIVACY_NOTICE = (
    "privacy-notice",
    "Privacy notice",
    "How we use the personal information you give us, and your rights.",
    [
        "<h2>Who we are</h2><p>Chorley Council is the data controller for this website on "
        "behalf of the partnership. Contact our data protection officer at "
        "dpo@example.org.</p>",
        "<h2>What we collect and why</h2><p>We collect only what we need to help you: your "
        "name and how to contact you when you are referred for help, book a course or sign "
        "up as a digital champion. We record that you agreed, and the words you agreed to.</p>",
        "<h2>How long we keep it</h2><p>We delete or anonymise your details when they are no "
        "longer needed, at the latest after the retention period our coordinators set.</p>",
        "<h2>Your rights</h2><p>You can ask for a copy of your data, or for it to be "
        "corrected or erased. You can complain to the Information Commissioner's Office "
        "(ICO).</p>",
    ],
)

NEWS = [
    # (title, days ago, intro, body)
    (
        "Free data SIMs now at every library",
        3,
        "Residents who cannot afford mobile data can now collect a free SIM at any library.",
        "<p>Through the National Databank, every library in both boroughs can now give out "
        "free SIM cards with six months of data to residents on a low income.</p>",
    ),
    (
        "Forty new digital champions trained",
        12,
        "Our autumn training course welcomed forty new volunteers.",
        "<p>The new champions will help at drop-ins in Leyland, Chorley and Penwortham.</p>",
    ),
    (
        "Device loan scheme extended to Euxton",
        25,
        "Laptops and tablets can now be borrowed from Euxton Community Centre.",
        "<p>Loans last up to eight weeks and come with help to get started.</p>",
    ),
    (
        "Partnership annual report published",
        40,
        "Last year partners helped 3,200 residents to get online.",
        "<p>The report sets out what we did and what we will do next.</p>",
    ),
]
