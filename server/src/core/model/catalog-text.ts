/**
 * What the KPI catalog's metrics are called and mean, in each language: the names, formulas
 * and one-line descriptions that hovers, completions, quick fixes and the preview show
 * (docs/glossary.md lists the same names). The English names and formulas are the catalog's
 * own (`catalog.ts`); every metric has a description in English and a text in Romanian.
 */
import type { Locale } from '../base/types';
import type { CatalogKpi } from './catalog';

export interface MetricText {
  name: string;
  formula: string;
  /** What the metric tells, in one sentence. */
  description: string;
}

export const METRIC_DESCRIPTIONS_EN: Readonly<Record<string, string>> = {
  'revenue': 'What the company earns from sales in the period.',
  'sales-growth-rate': 'How much sales grew from one period to the next, in percent.',
  'conversion-rate': 'The share of leads that become customers.',
  'average-deal-size': 'What one won sale brings in, on average.',
  'customer-acquisition-cost': 'What winning one new customer costs, sales and marketing together.',
  'sales-cycle-length': 'How long a sale takes, on average, from the first contact to the signature.',
  'customer-lifetime-value': 'What one customer is worth over the whole relationship.',
  'win-rate': 'The share of closed opportunities that end in a sale.',
  'churn-rate': 'The share of customers lost in a period.',
  'upsell-rate': 'The share of existing customers who buy more, or other products.',
  'leads': 'How many new leads marketing brings in.',
  'website-traffic': 'How many people visit the website.',
  'marketing-conversion-rate': 'The share of visitors who do what the site asks of them: sign up, buy, ask for an offer.',
  'click-through-rate': 'The share of people who click on an ad or a link they see.',
  'cost-per-lead': 'What one new lead costs.',
  'social-engagement': 'How much people interact with the posts on social networks.',
  'email-open-rate': 'The share of delivered emails that are opened.',
  'email-click-rate': 'The share of delivered emails in which a link is clicked.',
  'content-engagement': 'How much people read, watch and share the content.',
  'brand-awareness': 'How many people in the target audience know the brand.',
  'marketing-roi': 'What marketing earns for each unit of money it spends.',
  'csat': 'How satisfied customers say they are, from surveys.',
  'nps': 'How willing customers are to recommend the company.',
  'market-share': "The company's part of all the sales in its market.",
  'brand-equity': 'What the brand is worth in the eyes of the market.',
  'retention-rate': 'The share of customers kept over a period.',
  'revenue-per-account': 'What one paying customer brings in, on average, each month.',
  'gross-margin': 'The share of revenue left once the cost of what was sold is paid.',
};

export const METRIC_TEXT_RO: Readonly<Record<string, MetricText>> = {
  'revenue': { name: 'Venituri', formula: 'totalul veniturilor din vânzări', description: 'Cât câștigă firma din vânzări în perioada urmărită.' },
  'sales-growth-rate': { name: 'Rata de creștere a vânzărilor', formula: '(perioada curentă − perioada anterioară) / perioada anterioară', description: 'Cu cât au crescut vânzările de la o perioadă la alta, în procente.' },
  'conversion-rate': { name: 'Rata de conversie a clienților potențiali în clienți', formula: 'clienți câștigați / clienți potențiali', description: 'Ce parte din clienții potențiali devin clienți.' },
  'average-deal-size': { name: 'Valoarea medie a tranzacției', formula: 'venituri / tranzacții câștigate', description: 'Cât aduce în medie o vânzare încheiată.' },
  'customer-acquisition-cost': { name: 'Costul de achiziție a unui client (CAC)', formula: '(cheltuieli de vânzări + cheltuieli de marketing) / clienți noi', description: 'Cât costă câștigarea unui client nou, vânzări și marketing la un loc.' },
  'sales-cycle-length': { name: 'Durata ciclului de vânzare', formula: 'media zilelor de la primul contact până la încheierea vânzării', description: 'Cât durează în medie o vânzare, de la primul contact până la semnătură.' },
  'customer-lifetime-value': { name: 'Valoarea clientului pe durata relației (CLV)', formula: 'venitul așteptat de la un client pe toată durata relației', description: 'Cât valorează un client pe toată durata relației cu firma.' },
  'win-rate': { name: 'Rata de câștig', formula: 'oportunități câștigate / oportunități închise', description: 'Ce parte din oportunitățile închise se încheie cu o vânzare.' },
  'churn-rate': { name: 'Rata de pierdere a clienților', formula: 'clienți pierduți / clienți la începutul perioadei', description: 'Ce parte din clienți pleacă într-o perioadă.' },
  'upsell-rate': { name: 'Rata vânzărilor suplimentare și încrucișate', formula: 'clienți existenți care cumpără mai mult / clienți existenți', description: 'Ce parte din clienții existenți cumpără mai mult sau și alte produse.' },
  'leads': { name: 'Clienți potențiali generați', formula: 'numărul de clienți potențiali noi', description: 'Câți clienți potențiali noi aduce marketingul.' },
  'website-traffic': { name: 'Traficul site-ului', formula: 'numărul de vizitatori', description: 'Câte persoane vizitează site-ul.' },
  'marketing-conversion-rate': { name: 'Rata de conversie a site-ului', formula: 'vizitatori care fac acțiunea dorită / vizitatori', description: 'Ce parte din vizitatori fac ce le cere site-ul: se înscriu, cumpără, cer o ofertă.' },
  'click-through-rate': { name: 'Rata de clic (CTR)', formula: 'clicuri / afișări', description: 'Ce parte din cei care văd un anunț sau un link dau clic pe el.' },
  'cost-per-lead': { name: 'Costul per client potențial (CPL)', formula: 'cheltuieli / clienți potențiali', description: 'Cât costă un client potențial nou.' },
  'social-engagement': { name: 'Interacțiuni pe rețelele sociale', formula: 'aprecieri, distribuiri, comentarii și alte interacțiuni', description: 'Cât interacționează publicul cu postările de pe rețelele sociale.' },
  'email-open-rate': { name: 'Rata de deschidere a e-mailurilor', formula: 'e-mailuri deschise / e-mailuri livrate', description: 'Ce parte din e-mailurile livrate sunt deschise.' },
  'email-click-rate': { name: 'Rata de clic în e-mailuri', formula: 'e-mailuri cu clic pe un link / e-mailuri livrate', description: 'Ce parte din e-mailurile livrate primesc un clic pe un link.' },
  'content-engagement': { name: 'Interacțiunea cu conținutul', formula: 'interacțiuni cu articolele, videoclipurile și alt conținut', description: 'Cât este citit, privit și distribuit conținutul.' },
  'brand-awareness': { name: 'Notorietatea mărcii', formula: 'sondaje, mențiuni pe rețelele sociale, volumul căutărilor', description: 'Câți oameni din publicul țintă cunosc marca.' },
  'marketing-roi': { name: 'Rentabilitatea investiției în marketing (ROI)', formula: '(profitul net din campanii − cost) / cost', description: 'Cât câștigă marketingul pentru fiecare unitate de bani cheltuită.' },
  'csat': { name: 'Satisfacția clienților (CSAT)', formula: 'scorul din sondajele de satisfacție', description: 'Cât de mulțumiți se declară clienții în sondaje.' },
  'nps': { name: 'Net Promoter Score (NPS)', formula: '% promotori − % detractori', description: 'Cât de dispuși sunt clienții să recomande firma.' },
  'market-share': { name: 'Cota de piață', formula: 'vânzările firmei / vânzările totale ale pieței', description: 'Ce parte din vânzările pieței îi revin firmei.' },
  'brand-equity': { name: 'Valoarea mărcii', formula: 'valoarea și puterea percepute ale mărcii', description: 'Cât valorează marca în ochii pieței.' },
  'retention-rate': { name: 'Rata de retenție a clienților', formula: 'clienți păstrați într-o perioadă / clienți la începutul ei', description: 'Ce parte din clienți rămân într-o perioadă.' },
  'revenue-per-account': { name: 'Venitul lunar pe client', formula: 'venituri recurente într-o lună / clienți plătitori', description: 'Cât aduce în medie, în fiecare lună, un client plătitor.' },
  'gross-margin': { name: 'Marja brută', formula: '(venituri − costul bunurilor vândute) / venituri', description: 'Ce parte din venituri rămâne după ce se plătește costul a ceea ce s-a vândut.' },
};

/** A catalog metric's name, formula and description in a language (English when a text is missing). */
export function metricText(metric: CatalogKpi, locale: Locale): MetricText {
  const english = { name: metric.name, formula: metric.formula, description: METRIC_DESCRIPTIONS_EN[metric.id] ?? '' };
  return locale === 'ro' ? (METRIC_TEXT_RO[metric.id] ?? english) : english;
}
