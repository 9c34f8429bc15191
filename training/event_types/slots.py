# ruff: noqa: E501  (data: one sentence template per line)
"""Slot fillers for the event-type templates (written for geoevents, CC0).

Actors, places and phrasing from many regions, so that the classifier learns what an
event is from the verbs, weapons and targets, not from a few names.
"""

from __future__ import annotations

STATE = [
    "Nigerian troops", "the Nigerian army", "Malian soldiers", "the Malian armed forces",
    "Burkinabe soldiers", "the Burkina Faso army", "Nigerien troops", "Chadian soldiers",
    "Ukrainian forces", "Ukraine's armed forces", "Ukrainian troops", "Russian forces",
    "Russia's army", "Russian troops", "Israeli troops", "the Israeli army",
    "Israeli forces", "Syrian government forces", "the Syrian army", "Iraqi security forces",
    "the Iraqi army", "Afghan government troops", "the Myanmar military", "junta troops",
    "Myanmar army soldiers", "Colombian soldiers", "the Colombian army", "Mexican marines",
    "the Mexican army", "Somali National Army soldiers", "Somali government forces",
    "Ethiopian federal forces", "the Ethiopian army", "the Sudanese army",
    "Sudanese Armed Forces troops", "Philippine troops", "the Philippine army",
    "Indian security forces", "Pakistani troops", "the Pakistani army",
    "Yemeni government forces", "the Congolese army", "FARDC soldiers",
    "Cameroonian soldiers", "Mozambican troops", "Kenyan Defence Forces soldiers",
    "Turkish troops", "the Turkish army", "Azerbaijani forces", "Armenian troops",
    "Libyan National Army forces", "government troops", "security forces",
    "army soldiers", "the military", "police commandos", "special forces",
]

NONSTATE = [
    "Boko Haram fighters", "ISWAP militants", "al-Shabaab fighters",
    "Islamic State militants", "IS fighters", "JNIM fighters", "suspected jihadists",
    "Taliban insurgents", "Houthi rebels", "M23 rebels", "RSF fighters",
    "Rapid Support Forces fighters", "Arakan Army fighters", "ELN guerrillas",
    "FARC dissidents", "Ansar al-Sunna militants", "ADF rebels", "gunmen",
    "armed bandits", "separatist fighters", "Ambazonian separatists", "armed herders",
    "PKK militants", "Hamas militants", "Hezbollah fighters", "Islamic Jihad fighters",
    "NPA rebels", "Abu Sayyaf militants", "People's Defence Force fighters",
    "Karen rebels", "Kachin Independence Army fighters", "militants", "rebels",
    "insurgents", "an armed group", "unidentified gunmen", "Fano militiamen",
    "TPLF fighters", "CODECO militiamen", "Mai-Mai militiamen", "anti-Balaka militia",
    "Wagner Group fighters", "cartel gunmen", "Tehrik-i-Taliban militants",
]

ARMED = STATE + NONSTATE

# (town, region, country)
CONFLICT_PLACES = [
    ("Maiduguri", "Borno state", "Nigeria"), ("Gwoza", "Borno state", "Nigeria"),
    ("Kaduna", "Kaduna state", "Nigeria"), ("Gao", "the Gao region", "Mali"),
    ("Menaka", "the Menaka region", "Mali"), ("Mopti", "central Mali", "Mali"),
    ("Djibo", "Soum province", "Burkina Faso"), ("Kaya", "the Centre-Nord region", "Burkina Faso"),
    ("Tillaberi", "the Tillaberi region", "Niger"), ("Diffa", "the Diffa region", "Niger"),
    ("Kharkiv", "the Kharkiv region", "Ukraine"), ("Bakhmut", "the Donetsk region", "Ukraine"),
    ("Avdiivka", "the Donetsk region", "Ukraine"), ("Kherson", "the Kherson region", "Ukraine"),
    ("Zaporizhzhia", "southern Ukraine", "Ukraine"), ("Belgorod", "the Belgorod region", "Russia"),
    ("Khan Younis", "the southern Gaza Strip", "Gaza"), ("Rafah", "southern Gaza", "Gaza"),
    ("Jenin", "the northern West Bank", "the West Bank"), ("Nablus", "the West Bank", "the West Bank"),
    ("El Fasher", "North Darfur", "Sudan"), ("Omdurman", "Khartoum state", "Sudan"),
    ("Nyala", "South Darfur", "Sudan"), ("El Obeid", "North Kordofan", "Sudan"),
    ("Goma", "North Kivu", "the DR Congo"), ("Beni", "North Kivu", "the DR Congo"),
    ("Bunia", "Ituri province", "the DR Congo"), ("Beledweyne", "the Hiran region", "Somalia"),
    ("Afgoye", "Lower Shabelle", "Somalia"), ("Kismayo", "Lower Juba", "Somalia"),
    ("Marib", "Marib province", "Yemen"), ("Taiz", "Taiz province", "Yemen"),
    ("Hodeidah", "the Red Sea coast", "Yemen"), ("Idlib", "Idlib province", "Syria"),
    ("Deir ez-Zor", "eastern Syria", "Syria"), ("Aleppo", "northern Syria", "Syria"),
    ("Kandahar", "Kandahar province", "Afghanistan"), ("Kunduz", "northern Afghanistan", "Afghanistan"),
    ("Sagaing", "the Sagaing region", "Myanmar"), ("Lashio", "northern Shan state", "Myanmar"),
    ("Myawaddy", "Karen state", "Myanmar"), ("Culiacan", "Sinaloa state", "Mexico"),
    ("Uruapan", "Michoacan", "Mexico"), ("Tumaco", "Narino department", "Colombia"),
    ("Cucuta", "Norte de Santander", "Colombia"), ("Mosul", "Nineveh province", "Iraq"),
    ("Kirkuk", "northern Iraq", "Iraq"), ("Quetta", "Balochistan", "Pakistan"),
    ("Bannu", "Khyber Pakhtunkhwa", "Pakistan"), ("Srinagar", "Kashmir", "India"),
    ("Imphal", "Manipur", "India"), ("Marawi", "Lanao del Sur", "the Philippines"),
    ("Jolo", "Sulu province", "the Philippines"), ("Mocimboa da Praia", "Cabo Delgado", "Mozambique"),
    ("Bamenda", "the North-West region", "Cameroon"), ("Mekelle", "Tigray", "Ethiopia"),
    ("Bahir Dar", "the Amhara region", "Ethiopia"), ("Port-au-Prince", "the Ouest department", "Haiti"),
    ("Sirte", "central Libya", "Libya"), ("Benghazi", "eastern Libya", "Libya"),
    ("Bangui", "the Central African Republic", "the Central African Republic"),
    ("Stepanakert", "Nagorno-Karabakh", "Azerbaijan"), ("Diyarbakir", "southeastern Turkey", "Turkey"),
]

PROTEST_CITIES = [
    "Nairobi", "Yerevan", "Santiago", "Lagos", "Paris", "Dhaka", "Colombo", "Tbilisi",
    "Khartoum", "Minneapolis", "Portland", "Hong Kong", "Bogota", "Lima", "La Paz",
    "Kampala", "Tehran", "Baghdad", "Beirut", "Islamabad", "Jakarta", "Bangkok", "Caracas",
    "Abuja", "Dakar", "Tunis", "Algiers", "Belgrade", "Athens", "Madrid", "London",
    "Atlanta", "Chicago", "Seoul", "Manila", "Karachi", "Lahore", "Harare", "Accra",
    "Kinshasa", "Bamako", "Ouagadougou", "Conakry", "Mexico City", "Quito", "Buenos Aires",
    "Sao Paulo", "Tel Aviv", "Jerusalem", "Amman", "Rabat", "Johannesburg", "Cape Town",
    "Lusaka", "Addis Ababa", "Kathmandu", "Yangon", "Mandalay", "Tashkent", "Almaty",
    "Minsk", "Tirana", "Skopje", "Warsaw", "Berlin", "Rome", "Brussels", "Ankara",
]

DATES = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "late on Monday", "early on Tuesday", "on Wednesday night",
    "on Thursday morning", "overnight", "on Friday afternoon", "early Saturday",
    "late Sunday", "yesterday", "this morning", "on March 3", "on 14 June",
    "on October 21", "on Dec. 2", "last week", "on the night of 22 April", "at dawn",
    "earlier this week", "",
]

NUMBERS = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "11", "12",
    "15", "17", "20", "23", "31", "at least three", "at least five", "at least 12",
    "more than 20", "nearly 40", "dozens of", "scores of", "about 15",
]

VICTIMS = [
    "civilians", "villagers", "people", "farmers", "worshippers", "passengers",
    "residents", "herders", "women and children", "traders", "displaced people",
    "fishermen", "students", "miners", "pilgrims", "aid workers",
]

SOURCES = [
    ", officials said.", ", local sources said.", ", a military spokesman said.",
    ", according to residents.", ", the state news agency reported.", ", AFP reported.",
    ", police said.", ", witnesses told Reuters.", ", a local official said.",
    ", the army said in a statement.", ", a monitoring group said.", ".", ".", ".",
    ", according to a security source.", ", medics said.", ", the governor's office said.",
]

OFFICIALS = [
    "the foreign minister", "the prime minister", "President Ruto", "the Kenyan president",
    "Nigeria's foreign minister", "the UN secretary-general", "the EU's foreign policy chief",
    "the US secretary of state", "Turkey's president", "the Qatari emir", "the French president",
    "Germany's chancellor", "the African Union commission chairperson", "Egypt's president",
    "the Saudi crown prince", "India's external affairs minister", "China's foreign minister",
    "the Russian foreign minister", "the Ukrainian president", "the Sudanese army chief",
    "the Ethiopian prime minister", "the Malian transitional president", "Brazil's president",
    "the Colombian president", "the Mexican foreign secretary", "Japan's prime minister",
    "the Iranian foreign minister", "the British foreign secretary", "the UN envoy",
    "the head of the Arab League", "Pakistan's prime minister", "the Emirati foreign minister",
]

BODIES = [
    "The foreign ministry", "The European Union", "The United Nations", "The African Union",
    "The State Department", "The Kremlin", "The UN Security Council", "The Arab League",
    "ECOWAS", "The government", "The interior ministry", "Human Rights Watch",
    "Amnesty International", "The White House", "The Chinese foreign ministry",
    "The UN human rights office", "The Organisation of Islamic Cooperation",
]

COUNTRIES = [
    "Kenya", "Nigeria", "Ethiopia", "Sudan", "Egypt", "Qatar", "Turkey", "France",
    "Germany", "the United States", "China", "Russia", "Ukraine", "India", "Pakistan",
    "Brazil", "Colombia", "Mexico", "Japan", "Iran", "Saudi Arabia", "the UAE",
    "South Africa", "Senegal", "Ghana", "Indonesia", "Bangladesh", "Algeria", "Morocco",
    "Jordan", "Israel", "Lebanon", "Iraq", "Somalia", "Mali", "Chad", "Niger", "Norway",
]

PROTESTERS = [
    "Thousands of people", "Hundreds of demonstrators", "Hundreds of students",
    "Opposition supporters", "Dozens of activists", "Teachers", "Farmers", "Women's groups",
    "Thousands of protesters", "Residents", "Health workers", "Lawyers", "Taxi drivers",
    "Pensioners", "Supporters of the jailed opposition leader", "Climate activists",
    "University students", "Relatives of missing people", "Market traders", "Miners",
    "Hundreds of Palestinians", "Anti-government demonstrators", "Civil servants",
]

GRIEVANCES = [
    "against rising fuel prices", "over unpaid salaries", "against the new tax law",
    "to demand the release of political prisoners", "against police brutality",
    "over the disputed election results", "against the military government",
    "to demand justice for the victims", "against the construction of a dam",
    "over power cuts", "against corruption", "over the high cost of living",
    "against the pension reform", "in support of Gaza", "against the war",
    "against insecurity in the region", "to demand better working conditions",
    "against the closure of the border", "over water shortages", "against the curfew",
    "calling for the president to resign", "against a planned mining project",
]

FOLLOW_UPS_NEUTRAL = [
    "The area has seen repeated violence in recent months.",
    "No further details were immediately available.",
    "Humanitarian groups have warned of worsening conditions in the region.",
    "The report could not be independently verified.",
    "Local media published photos of the scene.",
    "Officials gave no further details.",
    "The region has been unstable for years.",
    "Residents said the situation remained tense.",
    "It was not immediately clear who was responsible.",
    "The information was shared on social media by residents.",
    "Authorities said an investigation had been opened.",
    "Tensions have been rising in the area since last year.",
]

# reported-speech leads: news often names its source before the event
LEADS = [
    "According to local sources,", "A military spokesman said", "Residents told reporters that",
    "Officials said on Monday that", "State media reported that", "Witnesses said",
    "A statement from the army said", "Local media reported that", "Police said",
    "Activists said", "The interior ministry said that", "A monitoring group said",
    "According to the UN,", "Sources in the region said", "A local official told AFP that",
]
