fetch("http://uploads.stmarys-clinic.org/results", { method: "POST" });
