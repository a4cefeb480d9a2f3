// The four policy sources the guide restates. They are the only ground truth; the guide cites
// them by these ids ("Source: [001]" at the end of every section).
export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  /** The date as the source itself gives it. */
  date: string;
  /** Where it was published, in words: none of the four pages states its own address. */
  publishedAt: string;
}

export const SOURCES: Readonly<Record<string, SourceDocument>> = {
  '001': {
    id: '001',
    title: 'Used/Refurbished PCs (with the Windows Licensing Guide for Refurbished PCs)',
    publisher: 'Microsoft, OEM Partner Center',
    date: '2009',
    publishedAt: 'Microsoft OEM Partner Center web site, Licensing section',
  },
  '002': {
    id: '002',
    title: 'Upgrade installation services (base-license verification before Windows Upgrade imaging)',
    publisher: 'Microsoft Volume Licensing, Fulfillment news',
    date: 'not dated',
    publishedAt: 'Microsoft Volume Licensing web site, Fulfillment news',
  },
  '003': {
    id: '003',
    title: 'Fulfillment information: access to prior product versions, product availability, upgrade installation services',
    publisher: 'Microsoft Volume Licensing',
    date: 'January 2022 update',
    publishedAt: 'Microsoft Volume Licensing web site, Fulfillment information page',
  },
  '004': {
    id: '004',
    title: 'Licensing Windows desktop operating system for use with virtual machines',
    publisher: 'Microsoft, Volume Licensing brief',
    date: 'April 2020',
    publishedAt: 'Microsoft licensing briefs (PDF)',
  },
};

export function describeSource(id: string): string {
  const source = SOURCES[id];
  if (!source) throw new Error(`unknown source id ${id}`);
  return `[${source.id}] ${source.title}. ${source.publisher}, ${source.date}.`;
}
