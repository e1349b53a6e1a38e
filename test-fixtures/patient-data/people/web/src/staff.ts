// On-call rota shown on the ward dashboard: names only, no patient data.
export const ONCALL = ['Isla Murphy', 'Arthur Quinn', 'Freya Khan', 'Hugo Navarro'];

export const WARDS = [
  { name: 'Rose Ward', floor: 2, opened: '1998-06-01' },
  { name: 'Young Wing', floor: 3, opened: '2004-09-15' },
];

export const banner = { title: 'May', subtitle: 'Will Long', date: '2019-05-01' };
