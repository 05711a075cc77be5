// An edit in progress: a working copy of CaseData with the operations a panel offers. Nothing
// is stored until the caller passes data() to CaseStore::commit, which validates it all.
#pragma once
#include "geo/cases/case_finding.hpp"
#include "geo/cases/case_model.hpp"

#include <string_view>
#include <vector>

namespace geo {

class CaseEdit {
public:
    explicit CaseEdit(CaseData base) : m_data(std::move(base)) {}

    // Insert, or replace the row with the same id.
    void putCompound(Compound c);
    void putIncident(Incident i);
    void putSource(Source s);

    // Removal takes the rows that only make sense with the removed one along:
    // a compound its links and citations; an incident its links, counts and citations; a source its citations.
    void removeCompound(std::string_view id);
    void removeIncident(std::string_view id);
    void removeSource(std::string_view id);

    // Replace all links / counts / citations of one incident (their incidentId is set to `incidentId`).
    void setLinks(std::string_view incidentId, std::vector<IncidentLink> links);
    void setCounts(std::string_view incidentId, std::vector<NationalityCount> counts);
    void setCitations(std::string_view incidentId, std::vector<IncidentSource> citations);
    void setCompoundCitations(std::string_view compoundId, std::vector<CompoundSource> citations);

    // What CaseStore::commit would refuse, so a form can show it before saving.
    std::vector<CaseFinding> problems() const;

    const CaseData& data() const { return m_data; }
    CaseData& data() { return m_data; }

private:
    CaseData m_data;
};

} // namespace geo
