-- Indexes on foreign keys that are searched or cascaded through but had none (issue 9): deleting a
-- computer or a tag cascades into role_assignment, and policy loading and tag pages look up by tag.
create index role_assignment_computer_idx on role_assignment (resource_computer_id)
    where resource_computer_id is not null;
create index role_assignment_tag_idx on role_assignment (scope_tag_id)
    where scope_tag_id is not null;
create index person_tag_tag_idx on person_tag (tag_id);
