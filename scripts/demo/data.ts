/**
 * Compact reference data for demo communities: names by region (with their own spelling), places,
 * universities, organisation name parts by industry, and the words of each job function.
 * Weights are rough shares of a community, not population statistics.
 */

export interface Region {
  name: string;
  weight: number;
  first: string[];
  last: string[];
  /** [city, country] */
  cities: [string, string][];
  universities: string[];
}

export const REGIONS: Region[] = [
  {
    name: 'Western Europe',
    weight: 20,
    first: ['Emma', 'Lukas', 'Sophie', 'Thomas', 'Léa', 'Julien', 'Anna', 'Maximilian', 'Chloé', 'Pieter', 'Sanne', 'Jonas', 'Camille', 'Niels', 'Marie', 'Felix', 'Charlotte', 'Hugo', 'Lotte', 'Matthias'],
    last: ['Müller', 'Dubois', 'Janssen', 'Schmidt', 'Martin', 'de Vries', 'Bernard', 'Fischer', 'Peeters', 'Lefebvre', 'Weber', 'Bakker', 'Moreau', 'Wagner', 'Visser', 'Laurent', 'Becker', 'Maes', 'Schneider', 'Girard'],
    cities: [['Berlin', 'Germany'], ['Paris', 'France'], ['Amsterdam', 'Netherlands'], ['Munich', 'Germany'], ['Brussels', 'Belgium'], ['Lyon', 'France'], ['Zurich', 'Switzerland'], ['Rotterdam', 'Netherlands']],
    universities: ['Technical University of Munich', 'Sorbonne University', 'University of Amsterdam', 'KU Leuven', 'ETH Zurich', 'Humboldt University of Berlin'],
  },
  {
    name: 'British Isles',
    weight: 12,
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Olivia', 'Jack', 'Grace', 'Seán', 'Aoife', 'James', 'Emily', 'Callum', 'Niamh', 'William', 'Freya'],
    last: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Murphy', "O'Brien", 'Evans', 'Wilson', 'Walsh', 'Thomas', 'Roberts', 'Kelly', 'Campbell', 'Hughes'],
    cities: [['London', 'United Kingdom'], ['Manchester', 'United Kingdom'], ['Edinburgh', 'United Kingdom'], ['Dublin', 'Ireland'], ['Bristol', 'United Kingdom'], ['Cork', 'Ireland']],
    universities: ['University of Oxford', 'University of Manchester', 'Trinity College Dublin', 'University of Edinburgh', 'Imperial College London'],
  },
  {
    name: 'Nordics',
    weight: 7,
    first: ['Astrid', 'Erik', 'Ingrid', 'Lars', 'Sofie', 'Mikkel', 'Elin', 'Johan', 'Freja', 'Oskar', 'Aino', 'Mikko', 'Sigrid', 'Henrik'],
    last: ['Johansson', 'Hansen', 'Nielsen', 'Andersson', 'Virtanen', 'Larsen', 'Karlsson', 'Korhonen', 'Berg', 'Lindqvist', 'Jensen', 'Nyström', 'Halvorsen', 'Mäkinen'],
    cities: [['Stockholm', 'Sweden'], ['Copenhagen', 'Denmark'], ['Oslo', 'Norway'], ['Helsinki', 'Finland'], ['Gothenburg', 'Sweden']],
    universities: ['KTH Royal Institute of Technology', 'University of Copenhagen', 'University of Oslo', 'Aalto University'],
  },
  {
    name: 'Southern Europe',
    weight: 12,
    first: ['Lucía', 'Marco', 'Giulia', 'João', 'Sofia', 'Alejandro', 'Inês', 'Luca', 'Martina', 'Pablo', 'Beatriz', 'Andreas', 'Eleni', 'Francesco', 'Carmen', 'Tiago'],
    last: ['García', 'Rossi', 'Silva', 'Fernández', 'Russo', 'Santos', 'López', 'Ferrari', 'Pereira', 'Martínez', 'Esposito', 'Costa', 'Papadopoulos', 'Romano', 'Oliveira', 'Sánchez'],
    cities: [['Madrid', 'Spain'], ['Barcelona', 'Spain'], ['Milan', 'Italy'], ['Lisbon', 'Portugal'], ['Rome', 'Italy'], ['Porto', 'Portugal'], ['Athens', 'Greece'], ['Valencia', 'Spain']],
    universities: ['Universidad Complutense de Madrid', 'Politecnico di Milano', 'Universidade de Lisboa', 'University of Barcelona', 'Sapienza University of Rome'],
  },
  {
    name: 'Central and Eastern Europe',
    weight: 9,
    first: ['Łukasz', 'Katarzyna', 'Jan', 'Petra', 'Andrei', 'Ioana', 'Tomáš', 'Zsófia', 'Marek', 'Olena', 'Dmytro', 'Agnieszka', 'Bence', 'Ana', 'Nikola', 'Eva'],
    last: ['Kowalski', 'Nowak', 'Novák', 'Popescu', 'Horváth', 'Wiśniewska', 'Dvořák', 'Ionescu', 'Kovač', 'Shevchenko', 'Tóth', 'Kowalczyk', 'Petrović', 'Bondarenko', 'Nagy', 'Svoboda'],
    cities: [['Warsaw', 'Poland'], ['Prague', 'Czechia'], ['Bucharest', 'Romania'], ['Budapest', 'Hungary'], ['Kraków', 'Poland'], ['Kyiv', 'Ukraine'], ['Zagreb', 'Croatia']],
    universities: ['University of Warsaw', 'Charles University', 'University of Bucharest', 'Budapest University of Technology and Economics'],
  },
  {
    name: 'North America',
    weight: 14,
    first: ['Michael', 'Jessica', 'David', 'Ashley', 'Chris', 'Sarah', 'Daniel', 'Emily', 'Tyler', 'Madison', 'Jordan', 'Taylor', 'Brandon', 'Megan', 'Ryan', 'Hannah', 'Kevin', 'Lauren'],
    last: ['Johnson', 'Williams', 'Miller', 'Davis', 'Anderson', 'Thompson', 'Moore', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Tremblay', 'Gagnon', 'Nguyen', 'Lee'],
    cities: [['New York', 'United States'], ['San Francisco', 'United States'], ['Toronto', 'Canada'], ['Chicago', 'United States'], ['Austin', 'United States'], ['Seattle', 'United States'], ['Boston', 'United States'], ['Montreal', 'Canada']],
    universities: ['University of Toronto', 'University of Michigan', 'Stanford University', 'University of Texas at Austin', 'McGill University', 'Columbia University'],
  },
  {
    name: 'Latin America',
    weight: 7,
    first: ['Valentina', 'Santiago', 'Camila', 'Mateo', 'Isabela', 'Sebastián', 'Gabriela', 'Diego', 'Mariana', 'Rafael', 'Fernanda', 'Joaquín'],
    last: ['Rodríguez', 'González', 'Pérez', 'Souza', 'Gómez', 'Ramírez', 'Torres', 'Almeida', 'Flores', 'Díaz', 'Carvalho', 'Morales'],
    cities: [['São Paulo', 'Brazil'], ['Mexico City', 'Mexico'], ['Buenos Aires', 'Argentina'], ['Bogotá', 'Colombia'], ['Santiago', 'Chile'], ['Lima', 'Peru']],
    universities: ['Universidade de São Paulo', 'UNAM', 'Universidad de Buenos Aires', 'Universidad de los Andes'],
  },
  {
    name: 'South Asia',
    weight: 8,
    first: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya', 'Arjun', 'Diya', 'Rahul', 'Sneha', 'Imran', 'Fatima', 'Nimal', 'Ayesha'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Gupta', 'Khan', 'Singh', 'Nair', 'Mehta', 'Chowdhury', 'Perera', 'Rao', 'Banerjee', 'Hussain'],
    cities: [['Bengaluru', 'India'], ['Mumbai', 'India'], ['Delhi', 'India'], ['Hyderabad', 'India'], ['Karachi', 'Pakistan'], ['Colombo', 'Sri Lanka'], ['Dhaka', 'Bangladesh']],
    universities: ['Indian Institute of Technology Bombay', 'University of Delhi', 'Indian Institute of Science', 'Lahore University of Management Sciences'],
  },
  {
    name: 'East and Southeast Asia',
    weight: 6,
    first: ['Wei', 'Yuki', 'Min-jun', 'Mei', 'Haruto', 'Ji-woo', 'Linh', 'Jun', 'Siti', 'Kenji', 'Xin', 'Thanh'],
    last: ['Wang', 'Tanaka', 'Kim', 'Chen', 'Sato', 'Park', 'Nguyen', 'Li', 'Tan', 'Suzuki', 'Zhang', 'Santoso'],
    cities: [['Singapore', 'Singapore'], ['Tokyo', 'Japan'], ['Seoul', 'South Korea'], ['Shanghai', 'China'], ['Ho Chi Minh City', 'Vietnam'], ['Jakarta', 'Indonesia']],
    universities: ['National University of Singapore', 'University of Tokyo', 'Seoul National University', 'Tsinghua University'],
  },
  {
    name: 'Africa and Middle East',
    weight: 5,
    first: ['Chinedu', 'Amara', 'Kwame', 'Zanele', 'Omar', 'Leila', 'Tariq', 'Nadia', 'Tendai', 'Yasmin', 'Kofi', 'Noa'],
    last: ['Okafor', 'Mensah', 'Ndlovu', 'Haddad', 'Mansour', 'Adeyemi', 'Mwangi', 'Cohen', 'Boateng', 'El-Sayed', 'Abubakar', 'Levi'],
    cities: [['Lagos', 'Nigeria'], ['Nairobi', 'Kenya'], ['Cape Town', 'South Africa'], ['Dubai', 'United Arab Emirates'], ['Cairo', 'Egypt'], ['Tel Aviv', 'Israel'], ['Accra', 'Ghana']],
    universities: ['University of Cape Town', 'University of Lagos', 'American University in Cairo', 'University of Nairobi'],
  },
];

/** Name parts for fictional organisations: a distinctive word plus an industry-typical suffix. */
export const ORG_WORDS = [
  'Northwind', 'Bluepeak', 'Ironbridge', 'Helix', 'Meridian', 'Lumen', 'Cobalt', 'Evergreen', 'Silverline', 'Brightwater',
  'Harbor', 'Summit', 'Atlas', 'Orbital', 'Kestrel', 'Granite', 'Juniper', 'Vantage', 'Polaris', 'Crescent', 'Tidewater',
  'Redwood', 'Aurora', 'Beacon', 'Cedar', 'Driftwood', 'Falcon', 'Greenleaf', 'Horizon', 'Keystone', 'Lakeshore', 'Maple',
  'Nimbus', 'Oakridge', 'Pinnacle', 'Quarry', 'Riverbend', 'Sagebrush', 'Trellis', 'Upland', 'Verity', 'Willow', 'Zephyr',
  'Alder', 'Basalt', 'Cascade', 'Delta', 'Ember', 'Fjord', 'Glacier', 'Hearth', 'Indigo', 'Jasper', 'Kite', 'Larch',
];

/** Per industry: organisation name suffixes and the functions its people typically work in. */
export const INDUSTRY_PROFILES: Record<string, { suffixes: string[]; functions: string[] }> = {
  Accounting: { suffixes: ['& Partners', 'Advisory', 'Accountants'], functions: ['Accounting', 'Finance', 'Consulting'] },
  Agriculture: { suffixes: ['Farms', 'Agritech', 'Growers'], functions: ['Operations', 'Research', 'Sales'] },
  'Architecture and Planning': { suffixes: ['Architects', 'Studio', 'Design Group'], functions: ['Arts and Design', 'Program and Project Management'] },
  Automotive: { suffixes: ['Motors', 'Mobility', 'Automotive'], functions: ['Engineering', 'Quality Assurance', 'Purchasing', 'Operations'] },
  Banking: { suffixes: ['Bank', 'Savings Bank', 'Banking Group'], functions: ['Finance', 'Sales', 'Information Technology', 'Legal'] },
  Biotechnology: { suffixes: ['Bio', 'Therapeutics', 'Biosciences'], functions: ['Research', 'Quality Assurance', 'Engineering'] },
  Construction: { suffixes: ['Construction', 'Builders', 'Infrastructure'], functions: ['Program and Project Management', 'Engineering', 'Operations'] },
  'Consumer Goods': { suffixes: ['Brands', 'Foods', 'Goods'], functions: ['Marketing', 'Sales', 'Operations', 'Purchasing'] },
  Education: { suffixes: ['Academy', 'Learning', 'School'], functions: ['Education', 'Administrative', 'Research'] },
  Energy: { suffixes: ['Energy', 'Power', 'Renewables'], functions: ['Engineering', 'Operations', 'Program and Project Management'] },
  Entertainment: { suffixes: ['Studios', 'Games', 'Entertainment'], functions: ['Arts and Design', 'Engineering', 'Marketing'] },
  'Financial Services': { suffixes: ['Capital', 'Payments', 'Asset Management'], functions: ['Finance', 'Engineering', 'Sales', 'Product Management'] },
  Government: { suffixes: ['Agency', 'Authority', 'Council'], functions: ['Administrative', 'Program and Project Management', 'Legal'] },
  Healthcare: { suffixes: ['Health', 'Medical Group', 'Clinics'], functions: ['Healthcare Services', 'Operations', 'Administrative'] },
  Hospitality: { suffixes: ['Hotels', 'Hospitality', 'Travel'], functions: ['Operations', 'Sales', 'Customer Success'] },
  Insurance: { suffixes: ['Insurance', 'Mutual', 'Assurance'], functions: ['Finance', 'Sales', 'Customer Success', 'Legal'] },
  Internet: { suffixes: ['.io', 'Online', 'Digital'], functions: ['Engineering', 'Product Management', 'Marketing', 'Customer Success'] },
  'Legal Services': { suffixes: ['Law', 'Legal', 'LLP'], functions: ['Legal', 'Administrative'] },
  Logistics: { suffixes: ['Logistics', 'Freight', 'Supply Chain'], functions: ['Operations', 'Purchasing', 'Sales'] },
  Manufacturing: { suffixes: ['Industries', 'Manufacturing', 'Works'], functions: ['Engineering', 'Operations', 'Quality Assurance', 'Purchasing'] },
  Media: { suffixes: ['Media', 'Press', 'Publishing'], functions: ['Media and Communication', 'Marketing', 'Arts and Design'] },
  'Non-profit': { suffixes: ['Foundation', 'Trust', 'Initiative'], functions: ['Program and Project Management', 'Business Development', 'Media and Communication'] },
  Pharmaceuticals: { suffixes: ['Pharma', 'Laboratories', 'Life Sciences'], functions: ['Research', 'Quality Assurance', 'Sales'] },
  'Real Estate': { suffixes: ['Properties', 'Real Estate', 'Estates'], functions: ['Real Estate', 'Sales', 'Finance'] },
  Research: { suffixes: ['Institute', 'Research', 'Labs'], functions: ['Research', 'Engineering', 'Education'] },
  Retail: { suffixes: ['Stores', 'Retail', 'Market'], functions: ['Sales', 'Operations', 'Marketing', 'Customer Success'] },
  Software: { suffixes: ['Software', 'Labs', 'Systems', 'Technologies'], functions: ['Engineering', 'Product Management', 'Sales', 'Customer Success', 'Information Technology'] },
  Telecommunications: { suffixes: ['Telecom', 'Networks', 'Mobile'], functions: ['Engineering', 'Information Technology', 'Sales'] },
  Transportation: { suffixes: ['Transit', 'Airlines', 'Rail'], functions: ['Operations', 'Engineering', 'Customer Success'] },
  'Venture Capital': { suffixes: ['Ventures', 'Partners', 'VC'], functions: ['Finance', 'Entrepreneurship', 'Business Development'] },
};

/** Per function: the role noun used in titles, a field of study, and the skills people list. */
export const FUNCTION_PROFILES: Record<string, { role: string; study: string; skills: string[] }> = {
  Accounting: { role: 'Accountant', study: 'Accounting', skills: ['Financial Reporting', 'IFRS', 'Auditing', 'Tax', 'Excel', 'Bookkeeping', 'SAP', 'Budgeting'] },
  Administrative: { role: 'Administrator', study: 'Business Administration', skills: ['Office Management', 'Scheduling', 'Event Planning', 'Microsoft Office', 'Records Management', 'Travel Coordination'] },
  'Arts and Design': { role: 'Designer', study: 'Design', skills: ['UX Design', 'Figma', 'Illustration', 'Typography', 'Branding', 'User Research', 'Adobe Creative Suite', 'Prototyping'] },
  'Business Development': { role: 'Business Developer', study: 'International Business', skills: ['Partnerships', 'Negotiation', 'Market Research', 'Lead Generation', 'Strategy', 'CRM'] },
  Consulting: { role: 'Consultant', study: 'Economics', skills: ['Strategy', 'Change Management', 'Stakeholder Management', 'Business Analysis', 'PowerPoint', 'Process Improvement'] },
  'Customer Success': { role: 'Customer Success Manager', study: 'Communication', skills: ['Onboarding', 'Account Management', 'Customer Retention', 'Zendesk', 'Salesforce', 'Renewals'] },
  Education: { role: 'Teacher', study: 'Education', skills: ['Curriculum Design', 'Teaching', 'E-learning', 'Coaching', 'Assessment', 'Public Speaking'] },
  Engineering: { role: 'Software Engineer', study: 'Computer Science', skills: ['TypeScript', 'Python', 'Go', 'Kubernetes', 'PostgreSQL', 'React', 'Distributed Systems', 'AWS', 'Rust', 'Java', 'CI/CD', 'Machine Learning'] },
  Entrepreneurship: { role: 'Founder', study: 'Business Administration', skills: ['Fundraising', 'Leadership', 'Go-to-market', 'Hiring', 'Product Strategy', 'Pitching'] },
  Finance: { role: 'Financial Analyst', study: 'Finance', skills: ['Financial Modelling', 'Valuation', 'Risk Management', 'Excel', 'Corporate Finance', 'M&A', 'Forecasting'] },
  'Healthcare Services': { role: 'Nurse', study: 'Nursing', skills: ['Patient Care', 'Clinical Research', 'Public Health', 'Healthcare Management', 'EHR', 'Triage'] },
  'Human Resources': { role: 'HR Partner', study: 'Psychology', skills: ['Recruiting', 'Employee Relations', 'Talent Management', 'Compensation', 'Onboarding', 'Workday'] },
  'Information Technology': { role: 'Systems Administrator', study: 'Information Systems', skills: ['Linux', 'Networking', 'Security', 'Azure', 'ITIL', 'Active Directory', 'Terraform'] },
  Legal: { role: 'Lawyer', study: 'Law', skills: ['Contract Law', 'GDPR', 'Corporate Law', 'Litigation', 'Compliance', 'Intellectual Property'] },
  Marketing: { role: 'Marketing Manager', study: 'Marketing', skills: ['Content Marketing', 'SEO', 'Brand Strategy', 'Google Analytics', 'Social Media', 'Copywriting', 'Growth Marketing'] },
  'Media and Communication': { role: 'Communications Specialist', study: 'Journalism', skills: ['Public Relations', 'Writing', 'Editing', 'Storytelling', 'Video Production', 'Crisis Communication'] },
  Operations: { role: 'Operations Manager', study: 'Industrial Engineering', skills: ['Supply Chain', 'Lean', 'Process Improvement', 'Logistics', 'Six Sigma', 'Forecasting'] },
  'Product Management': { role: 'Product Manager', study: 'Computer Science', skills: ['Product Strategy', 'Roadmapping', 'User Research', 'A/B Testing', 'SQL', 'Agile', 'Analytics'] },
  'Program and Project Management': { role: 'Project Manager', study: 'Management', skills: ['Project Management', 'PRINCE2', 'Agile', 'Risk Management', 'Stakeholder Management', 'Budgeting'] },
  Purchasing: { role: 'Buyer', study: 'Supply Chain Management', skills: ['Procurement', 'Vendor Management', 'Negotiation', 'Sourcing', 'Contract Management', 'SAP'] },
  'Quality Assurance': { role: 'QA Engineer', study: 'Engineering', skills: ['Test Automation', 'ISO 9001', 'Quality Management', 'Selenium', 'Root Cause Analysis', 'GMP'] },
  'Real Estate': { role: 'Real Estate Agent', study: 'Urban Planning', skills: ['Property Management', 'Valuation', 'Leasing', 'Real Estate Development', 'Negotiation'] },
  Research: { role: 'Research Scientist', study: 'Physics', skills: ['Data Analysis', 'Statistics', 'R', 'Python', 'Scientific Writing', 'Machine Learning', 'Experimental Design'] },
  Sales: { role: 'Account Executive', study: 'Business Administration', skills: ['B2B Sales', 'Salesforce', 'Negotiation', 'Prospecting', 'Key Account Management', 'Solution Selling'] },
  Support: { role: 'Support Specialist', study: 'Communication', skills: ['Technical Support', 'Troubleshooting', 'Customer Service', 'Zendesk', 'Documentation'] },
};

export const OFFERS = [
  'Mentoring people starting out in {function}',
  'Reviewing CVs and portfolios for {industry} roles',
  'Introductions in {city}',
  'Feedback on {skill} projects',
  'A coffee chat for anyone moving to {city}',
  'Sharing what I learnt about {skill}',
  'Speaking at meet-ups about {skill}',
];

export const ASKS = [
  'Introductions to people in {industry}',
  'Advice on moving into {otherFunction}',
  'Hiring: {role}s in {city}',
  'A mentor in {function}',
  'Speakers for our {city} meet-up',
  'Beta testers for a side project',
];
