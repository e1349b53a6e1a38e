export const apiBase = import.meta.env.VITE_API_BASE ?? '/api/v1';
export const isProd = import.meta.env.MODE === 'production';
