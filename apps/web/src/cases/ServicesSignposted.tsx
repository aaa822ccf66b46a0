import type { ServiceLink } from '@consultboard/domain';

/** Issue 13: the directory services the plan's actions link to, each with how to access it (as in the exports). */
export function ServicesSignposted({ services }: { services: readonly ServiceLink[] | undefined }) {
  if (!services || services.length === 0) return null;
  return (
    <section aria-labelledby="services-signposted-heading">
      <h3 id="services-signposted-heading">Services signposted</h3>
      <ul>
        {services.map((service) => (
          <li key={service.id}>
            <strong>{service.name}</strong>: {service.access}
          </li>
        ))}
      </ul>
    </section>
  );
}
