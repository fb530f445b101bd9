import type { Brand } from '../domain/product.ts';

export const brands: readonly Brand[] = [
  { brand_id: 'lucky-me', name: 'Lucky Me!', manufacturer: 'Monde Nissin' },
  {
    brand_id: 'nissin',
    name: 'Nissin',
    manufacturer: 'Nissin-Universal Robina',
  },
  { brand_id: 'nescafe', name: 'Nescafé', manufacturer: 'Nestlé Philippines' },
  {
    brand_id: 'great-taste',
    name: 'Great Taste',
    manufacturer: 'Universal Robina',
  },
  { brand_id: 'kopiko', name: 'Kopiko', manufacturer: 'Mayora' },
  { brand_id: 'milo', name: 'Milo', manufacturer: 'Nestlé Philippines' },
  {
    brand_id: 'bear-brand',
    name: 'Bear Brand',
    manufacturer: 'Nestlé Philippines',
  },
  {
    brand_id: 'alaska',
    name: 'Alaska',
    manufacturer: 'Alaska Milk Corporation',
  },
  {
    brand_id: 'coca-cola',
    name: 'Coca-Cola',
    manufacturer: 'Coca-Cola Beverages Philippines',
  },
  {
    brand_id: 'pepsi',
    name: 'Pepsi',
    manufacturer: 'Pepsi-Cola Products Philippines',
  },
  { brand_id: 'c2', name: 'C2', manufacturer: 'Universal Robina' },
  {
    brand_id: 'century-tuna',
    name: 'Century Tuna',
    manufacturer: 'Century Pacific Food',
  },
  { brand_id: '555', name: '555', manufacturer: 'Century Pacific Food' },
  {
    brand_id: 'argentina',
    name: 'Argentina',
    manufacturer: 'Century Pacific Food',
  },
  { brand_id: 'datu-puti', name: 'Datu Puti', manufacturer: 'NutriAsia' },
  { brand_id: 'ufc', name: 'UFC', manufacturer: 'NutriAsia' },
  {
    brand_id: 'magic-sarap',
    name: 'Maggi Magic Sarap',
    manufacturer: 'Nestlé Philippines',
  },
  { brand_id: 'knorr', name: 'Knorr', manufacturer: 'Unilever Philippines' },
  {
    brand_id: 'jack-n-jill',
    name: "Jack 'n Jill",
    manufacturer: 'Universal Robina',
  },
  { brand_id: 'oishi', name: 'Oishi', manufacturer: 'Liwayway Marketing' },
  {
    brand_id: 'rebisco',
    name: 'Rebisco',
    manufacturer: 'Republic Biscuit Corporation',
  },
  { brand_id: 'skyflakes', name: 'SkyFlakes', manufacturer: 'M.Y. San' },
  {
    brand_id: 'safeguard',
    name: 'Safeguard',
    manufacturer: 'Procter & Gamble Philippines',
  },
  {
    brand_id: 'palmolive',
    name: 'Palmolive',
    manufacturer: 'Colgate-Palmolive Philippines',
  },
  {
    brand_id: 'colgate',
    name: 'Colgate',
    manufacturer: 'Colgate-Palmolive Philippines',
  },
  {
    brand_id: 'tide',
    name: 'Tide',
    manufacturer: 'Procter & Gamble Philippines',
  },
  { brand_id: 'surf', name: 'Surf', manufacturer: 'Unilever Philippines' },
  {
    brand_id: 'downy',
    name: 'Downy',
    manufacturer: 'Procter & Gamble Philippines',
  },
  {
    brand_id: 'joy',
    name: 'Joy',
    manufacturer: 'Procter & Gamble Philippines',
  },
  { brand_id: 'zonrox', name: 'Zonrox', manufacturer: 'Green Cross' },
  { brand_id: 'marlboro', name: 'Marlboro', manufacturer: 'PMFTC' },
  { brand_id: 'fortune', name: 'Fortune', manufacturer: 'PMFTC' },
  {
    brand_id: 'san-miguel',
    name: 'San Miguel',
    manufacturer: 'San Miguel Brewery',
  },
  {
    brand_id: 'red-horse',
    name: 'Red Horse',
    manufacturer: 'San Miguel Brewery',
  },
  { brand_id: 'tanduay', name: 'Tanduay', manufacturer: 'Tanduay Distillers' },
];
