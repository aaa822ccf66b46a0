import './privacy.css';
import { PRIVACY_PLACE_LABELS, type PrivacyPlaceName } from '@consultboard/domain';
import { useCasePrivacy } from './PrivacyContext';

/** "Personal data to check" as a small label, for lists. */
export function ToCheckBadge() {
  return <span className="to-check-badge">Personal data to check</span>;
}

const placeLabel = (place: string) => PRIVACY_PLACE_LABELS[place as PrivacyPlaceName] ?? place;

/**
 * On the case page: "Personal data to check", and where, until every finding is fixed or dismissed. `editable`:
 * the reader edits the case's forms (the SENCO), so the findings are under the fields they see.
 */
export function ToCheckNotice({ editable }: { editable: boolean }) {
  const privacy = useCasePrivacy();
  if (!privacy || privacy.toCheck.length === 0) return null;
  return (
    <div className="notice to-check-notice" role="status">
      <p>
        <ToCheckBadge />
      </p>
      <p>
        Some words look like personal data in: {privacy.toCheck.map((entry) => placeLabel(entry.place)).join(', ')}.{' '}
        {editable ? (
          <>
            Change them, or choose <strong>This is not personal</strong> under the field.
          </>
        ) : (
          "The school's SENCO checks them."
        )}
      </p>
    </div>
  );
}
