/** Field limits shared by the API validators and the web forms, so both reject the same input. */
export const LIMITS = {
  nameMax: 100,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  headlineMax: 220,
  aboutMax: 2600,
  locationMax: 100,
  industryMax: 100,
  titleMax: 120,
  descriptionMax: 2000,
  organisationNameMax: 120,
  degreeMax: 120,
  skillMax: 60,
  skillsMax: 50,
  linksMax: 10,
  urlMax: 500,
  linkLabelMax: 60,
  offerAskMax: 200,
  offersAsksMax: 10,
  experienceMax: 30,
  educationMax: 15,
  tokenNameMax: 60,
  searchQueryMax: 200,
  invitationNoteMax: 300,
  /** An introduction request's forwardable blurb: who I am and why I ask. */
  introductionBlurbMax: 1000,
  /** An introducer's note when forwarding, and the reason given when declining a step. */
  introductionNoteMax: 500,
  postMax: 3000,
  commentMax: 1250,
  /** Distinct @mentions and #topics a post or comment may carry. */
  mentionsMax: 20,
  topicsMax: 10,
  topicMax: 60,
  /** A message's text. */
  messageMax: 8000,
  /** Members of a conversation, its starter included: a one-to-one, or a small group (introductions need three). */
  groupMax: 10,
  /** The last message's text as a conversation list shows it. */
  messagePreviewMax: 200,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  photoBytesMax: 5 * 1024 * 1024,
  photoPixels: 400,
  /** Images on one post (a message carries at most one). */
  postImagesMax: 4,
  /** An uploaded image file, before it is re-encoded. */
  imageBytesMax: 10 * 1024 * 1024,
  /** The longest side of an image as stored (re-encoded to WebP); smaller images keep their size. */
  imagePixels: 2048,
  /** An image's description for people who cannot see it (alt text). */
  imageAltMax: 1000,
  /** Uploaded images not yet on a post or message, per member. */
  pendingImagesMax: 20,
  /** How long an uploaded image waits to be attached to a post or message before it expires. */
  uploadTtlHours: 24,
  /** A private note on a relationship card (relationship memory). */
  relationshipNoteMax: 2000,
  /** The "how we met" text a member writes over the one Rapport captured. */
  howWeMetMax: 300,
  /** A relationship tag's name, and how many tags one member may define. */
  tagNameMax: 40,
  tagsMax: 100,
  /** Tags on one person's card. */
  cardTagsMax: 20,
  /** A recommendation's text, and the message that asks a connection for one. */
  recommendationMax: 3000,
  recommendationAskMax: 500,
  /** Endorsers shown as faces beside each skill on a profile ("see all" lists the rest). */
  endorserFaces: 3,
} as const;

export const CAREER_STAGES = ['student', 'early', 'mid', 'senior', 'executive', 'retired'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const PROFILE_VISIBILITIES = ['signed_in', 'network'] as const;
export type ProfileVisibility = (typeof PROFILE_VISIBILITIES)[number];

export const FUNCTIONS = [
  'Accounting', 'Administrative', 'Arts and Design', 'Business Development', 'Consulting', 'Customer Success',
  'Education', 'Engineering', 'Entrepreneurship', 'Finance', 'Healthcare Services', 'Human Resources',
  'Information Technology', 'Legal', 'Marketing', 'Media and Communication', 'Operations', 'Product Management',
  'Program and Project Management', 'Purchasing', 'Quality Assurance', 'Real Estate', 'Research', 'Sales',
  'Support',
] as const;

export const INDUSTRIES = [
  'Accounting', 'Agriculture', 'Architecture and Planning', 'Automotive', 'Banking', 'Biotechnology',
  'Construction', 'Consumer Goods', 'Education', 'Energy', 'Entertainment', 'Financial Services',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Internet', 'Legal Services', 'Logistics',
  'Manufacturing', 'Media', 'Non-profit', 'Pharmaceuticals', 'Real Estate', 'Research', 'Retail',
  'Software', 'Telecommunications', 'Transportation', 'Venture Capital',
] as const;
