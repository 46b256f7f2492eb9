"""The expected admin permission matrix: for every address the admin serves
(by URL name, as admin_urls enumerates them), what each role gets on a GET.

  200, 404, 405, 500   the status code
  login                sent to the sign-in page
  denied               sent to the dashboard with Wagtail's "Sorry, you do
                       not have permission to access this area."
  home                 sent to the dashboard for another reason (signed in already)
  redirect             sent somewhere else in the admin (the explorer to the
                       user's own pages, modeladmin's bulk page without a choice)

Records: Partner A owns the listing, course, session, booking, referral,
problem report, image and document; Host B hosts the champion. So the
partner editor should reach A's records and not the champion, the host
staff the champion and none of A's records.

Known and accepted (Wagtail's own behaviour, nothing personal):
- wagtailadmin_error_test deliberately raises an error to test the 500 page;
- the admin API's document and image details, and the move-confirmation
  page, are open to any admin user (the move itself is refused on POST:
  test_admin_permission_matrix proves it).

A new admin address fails the test until it is added here, with who may
open it.
"""

ROLES = ("coordinator", "partner_editor", "host_staff", "anonymous")

MATRIX = """
# url name                                                             coordinator  partner  host      anonymous
wagtailadmin_home                                                      200          200       200       login
admin/test404/                                                         200          200       200       login
wagtailadmin_api:pages:listing                                         200          200       200       login
wagtailadmin_api:pages:detail                                          200          200       404       login
wagtailadmin_api:pages:find                                            404          404       404       login
wagtailadmin_api:pages:action                                          405          405       405       login
wagtailadmin_api:documents:listing                                     200          200       200       login
wagtailadmin_api:documents:detail                                      200          200       200       login
wagtailadmin_api:documents:find                                        404          404       404       login
wagtailadmin_api:images:listing                                        200          200       200       login
wagtailadmin_api:images:detail                                         200          200       200       login
wagtailadmin_api:images:find                                           404          404       404       login
wagtailadmin_error_test                                                500          500       500       login
wagtailadmin_explore_root                                              redirect     redirect  redirect  login
wagtailadmin_explore                                                   200          200       redirect  login
wagtailadmin_explore_results                                           200          200       redirect  login
wagtail_bulk_action                                                    404          404       404       login
wagtailadmin_pages:add                                                 200          200       denied    login
wagtailadmin_pages:preview_on_add                                      200          200       denied    login
wagtailadmin_pages:type_use                                            200          200       200       login
wagtailadmin_pages:choose_parent                                       200          redirect  redirect  login
wagtailadmin_pages:type_use_results                                    200          200       200       login
wagtailadmin_pages:usage                                               200          200       denied    login
wagtailadmin_pages:edit                                                200          200       denied    login
wagtailadmin_pages:preview_on_edit                                     200          200       denied    login
wagtailadmin_pages:view_draft                                          200          200       denied    login
wagtailadmin_pages:add_subpage                                         200          200       denied    login
wagtailadmin_pages:delete                                              200          denied    denied    login
wagtailadmin_pages:unpublish                                           200          denied    denied    login
wagtailadmin_pages:convert_alias                                       404          404       404       login
wagtailadmin_pages:search                                              200          200       200       login
wagtailadmin_pages:search_results                                      200          200       200       login
wagtailadmin_pages:move                                                200          denied    denied    login
wagtailadmin_pages:move_confirm                                        200          200       200       login
wagtailadmin_pages:set_page_position                                   405          405       405       login
wagtailadmin_pages:copy                                                200          200       denied    login
wagtailadmin_pages:workflow_action                                     200          denied    denied    login
wagtailadmin_pages:collect_workflow_action_data                        200          denied    denied    login
wagtailadmin_pages:confirm_workflow_cancellation                       200          200       200       login
wagtailadmin_pages:workflow_preview                                    200          denied    denied    login
wagtailadmin_pages:set_privacy                                         200          denied    denied    login
wagtailadmin_pages:lock                                                405          405       405       login
wagtailadmin_pages:unlock                                              405          405       405       login
wagtailadmin_pages:revisions_index                                     redirect     redirect  redirect  login
wagtailadmin_pages:revisions_view                                      200          200       denied    login
wagtailadmin_pages:revisions_revert                                    200          200       denied    login
wagtailadmin_pages:revisions_unschedule                                200          denied    denied    login
wagtailadmin_pages:revisions_compare                                   200          200       denied    login
wagtailadmin_pages:workflow_history                                    200          200       denied    login
wagtailadmin_pages:workflow_history_detail                             200          200       denied    login
wagtailadmin_pages:history                                             200          200       denied    login
wagtailadmin_pages:history_results                                     200          200       denied    login
wagtailadmin_choose_page                                               200          200       200       login
wagtailadmin_choose_page_child                                         200          200       200       login
wagtailadmin_choose_page_search                                        200          200       200       login
wagtailadmin_choose_page_chosen_multiple                               200          200       200       login
wagtailadmin_choose_page_external_link                                 200          200       200       login
wagtailadmin_choose_page_email_link                                    200          200       200       login
wagtailadmin_choose_page_phone_link                                    200          200       200       login
wagtailadmin_choose_page_anchor_link                                   200          200       200       login
wagtailadmin_tag_autocomplete                                          200          200       200       login
wagtailadmin_tag_model_autocomplete                                    404          404       404       login
wagtailadmin_collections:index                                         denied       denied    denied    login
wagtailadmin_collections:add                                           denied       denied    denied    login
wagtailadmin_collections:edit                                          denied       denied    denied    login
wagtailadmin_collections:delete                                        404          404       404       login
wagtailadmin_collections:set_privacy                                   denied       denied    denied    login
wagtailadmin_workflows:index                                           denied       denied    denied    login
wagtailadmin_workflows:index_results                                   denied       denied    denied    login
wagtailadmin_workflows:add                                             denied       denied    denied    login
wagtailadmin_workflows:enable                                          405          405       405       login
wagtailadmin_workflows:disable                                         denied       denied    denied    login
wagtailadmin_workflows:edit                                            denied       denied    denied    login
wagtailadmin_workflows:usage                                           denied       denied    denied    login
wagtailadmin_workflows:usage_results                                   denied       denied    denied    login
wagtailadmin_workflows:remove                                          405          405       405       login
wagtailadmin_workflows:remove#2                                        405          405       405       login
wagtailadmin_workflows:add_task                                        denied       denied    denied    login
wagtailadmin_workflows:select_task_type                                denied       denied    denied    login
wagtailadmin_workflows:task_index                                      denied       denied    denied    login
wagtailadmin_workflows:task_index_results                              denied       denied    denied    login
wagtailadmin_workflows:edit_task                                       denied       denied    denied    login
wagtailadmin_workflows:disable_task                                    denied       denied    denied    login
wagtailadmin_workflows:enable_task                                     405          405       405       login
wagtailadmin_workflows:task_chooser                                    200          200       200       login
wagtailadmin_workflows:task_chooser_results                            200          200       200       login
wagtailadmin_workflows:task_chooser_create                             200          200       200       login
wagtailadmin_workflows:task_chosen                                     200          200       200       login
wagtailadmin_reports:locked_pages                                      200          denied    denied    login
wagtailadmin_reports:locked_pages_results                              200          denied    denied    login
wagtailadmin_reports:workflow                                          200          200       200       login
wagtailadmin_reports:workflow_results                                  200          200       200       login
wagtailadmin_reports:workflow_tasks                                    200          200       200       login
wagtailadmin_reports:workflow_tasks_results                            200          200       200       login
wagtailadmin_reports:site_history                                      200          200       200       login
wagtailadmin_reports:site_history_results                              200          200       200       login
wagtailadmin_reports:aging_pages                                       200          200       200       login
wagtailadmin_reports:aging_pages_results                               200          200       200       login
wagtailadmin_reports:page_types_usage                                  200          200       200       login
wagtailadmin_reports:page_types_usage_results                          200          200       200       login
wagtailadmin_account                                                   200          200       200       login
wagtailadmin_logout                                                    405          405       405       login
wagtailadmin_dismissibles                                              200          200       200       login
wagtailadmin_editing_sessions:ping                                     405          405       405       login
wagtailadmin_editing_sessions:release                                  405          405       405       login
wagtailadmin_block_preview                                             404          404       404       login
directory_referral_modeladmin_index                                    200          200       200       login
directory_referral_modeladmin_create                                   denied       denied    denied    login
directory_referral_modeladmin_edit                                     denied       denied    denied    login
directory_referral_modeladmin_delete                                   denied       denied    denied    login
directory_referral_modeladmin_inspect                                  200          200       denied    login
directory_routingrule_modeladmin_index                                 200          denied    denied    login
directory_routingrule_modeladmin_create                                200          denied    denied    login
directory_routingrule_modeladmin_edit                                  200          denied    denied    login
directory_routingrule_modeladmin_delete                                200          denied    denied    login
directory_routingrule_modeladmin_history                               200          denied    denied    login
neighbourhoods_index                                                   200          denied    denied    login
neighbourhoods_upload                                                  200          denied    denied    login
neighbourhoods_confirm                                                 405          405       405       login
person_data                                                            200          denied    denied    login
website_outgoingemail_modeladmin_index                                 200          denied    denied    login
website_outgoingemail_modeladmin_create                                denied       denied    denied    login
website_outgoingemail_modeladmin_edit                                  denied       denied    denied    login
website_outgoingemail_modeladmin_delete                                denied       denied    denied    login
website_outgoingemail_modeladmin_inspect                               200          denied    denied    login
website_outgoingtext_modeladmin_index                                  200          denied    denied    login
website_outgoingtext_modeladmin_create                                 denied       denied    denied    login
website_outgoingtext_modeladmin_edit                                   denied       denied    denied    login
website_outgoingtext_modeladmin_delete                                 denied       denied    denied    login
website_outgoingtext_modeladmin_inspect                                200          denied    denied    login
two_factor_setup                                                       200          200       200       login
two_factor_verify                                                      redirect     redirect  redirect  login
directory_listings_to_check                                            200          200       200       login
directory_listings_to_check_results                                    200          200       200       login
directory_problemreport_modeladmin_index                               200          200       200       login
directory_problemreport_modeladmin_create                              200          denied    denied    login
directory_problemreport_modeladmin_edit                                200          200       denied    login
directory_problemreport_modeladmin_delete                              200          denied    denied    login
directory_problemreport_modeladmin_inspect                             200          200       denied    login
directory_listingnote_modeladmin_index                                 200          denied    denied    login
directory_listingnote_modeladmin_create                                200          denied    denied    login
directory_listingnote_modeladmin_edit                                  200          denied    denied    login
directory_listingnote_modeladmin_delete                                200          denied    denied    login
training_session_modeladmin_index                                      200          200       200       login
training_session_modeladmin_create                                     denied       denied    denied    login
training_session_modeladmin_edit                                       denied       denied    denied    login
training_session_modeladmin_delete                                     denied       denied    denied    login
training_booking_modeladmin_index                                      200          200       200       login
training_booking_modeladmin_create                                     denied       denied    denied    login
training_booking_modeladmin_edit                                       denied       denied    denied    login
training_booking_modeladmin_delete                                     denied       denied    denied    login
training_booking_modeladmin_inspect                                    200          200       denied    login
training_register                                                      200          200       404       login
champions_champion_modeladmin_index                                    200          200       200       login
champions_champion_modeladmin_create                                   denied       denied    denied    login
champions_champion_modeladmin_edit                                     200          404       200       login
champions_champion_modeladmin_delete                                   denied       404       denied    login
champions_champion_modeladmin_inspect                                  200          404       200       login
champions_champion_modeladmin_bulk_status                              redirect     redirect  redirect  login
champions_champion_modeladmin_log_activity                             200          404       200       login
champions_champion_modeladmin_export_person                            200          404       404       login
champions_champion_modeladmin_erase_person                             200          404       404       login
wagtailsettings:edit                                                   redirect     denied    denied    login
wagtailsettings:edit#2                                                 200          denied    denied    login
wagtailsettings:preview_on_edit                                        404          denied    denied    login
wagtailredirects:index                                                 denied       denied    denied    login
wagtailredirects:index_results                                         denied       denied    denied    login
wagtailredirects:add                                                   denied       denied    denied    login
wagtailredirects:edit                                                  denied       denied    denied    login
wagtailredirects:delete                                                denied       denied    denied    login
wagtailredirects:start_import                                          denied       denied    denied    login
wagtailredirects:process_import                                        denied       denied    denied    login
wagtail_modeladmin:javascript_catalog                                  200          200       200       login
wagtailembeds:chooser                                                  200          200       200       login
wagtailembeds:chooser_upload                                           200          200       200       login
wagtailsnippets:index                                                  200          denied    denied    login
wagtaildocs:index                                                      200          200       200       login
wagtaildocs:index_results                                              200          200       200       login
wagtaildocs:add                                                        200          200       200       login
wagtaildocs:edit                                                       200          200       denied    login
wagtaildocs:delete                                                     200          200       denied    login
wagtaildocs:add_multiple                                               200          200       200       login
wagtaildocs:edit_multiple                                              405          405       405       login
wagtaildocs:create_multiple_from_uploaded_document                     405          405       405       login
wagtaildocs:delete_multiple                                            405          405       405       login
wagtaildocs:delete_upload_multiple                                     405          405       405       login
wagtaildocs:document_usage                                             200          200       denied    login
wagtailimages:index                                                    200          200       200       login
wagtailimages:index_results                                            200          200       200       login
wagtailimages:edit                                                     200          200       denied    login
wagtailimages:delete                                                   200          200       denied    login
wagtailimages:url_generator                                            404          404       404       login
wagtailimages:url_generator_output                                     404          404       404       login
wagtailimages:preview                                                  200          200       denied    login
wagtailimages:add                                                      200          200       200       login
wagtailimages:image_usage                                              200          200       denied    login
wagtailimages:add_multiple                                             200          200       200       login
wagtailimages:edit_multiple                                            405          405       405       login
wagtailimages:create_multiple_from_uploaded_image                      405          405       405       login
wagtailimages:delete_multiple                                          405          405       405       login
wagtailimages:delete_upload_multiple                                   405          405       405       login
wagtailsnippets_directory_servicetype:list                             200          denied    denied    login
wagtailsnippets_directory_servicetype:list_results                     200          denied    denied    login
wagtailsnippets_directory_servicetype:add                              200          denied    denied    login
wagtailsnippets_directory_servicetype:edit                             200          denied    denied    login
wagtailsnippets_directory_servicetype:delete                           200          denied    denied    login
wagtailsnippets_directory_servicetype:usage                            200          denied    denied    login
wagtailsnippets_directory_servicetype:history                          200          denied    denied    login
wagtailsnippets_directory_servicetype:history_results                  200          denied    denied    login
wagtailsnippetchoosers_directory_servicetype:choose                    200          200       200       login
wagtailsnippetchoosers_directory_servicetype:choose_results            200          200       200       login
wagtailsnippetchoosers_directory_servicetype:chosen                    200          200       200       login
wagtailsnippetchoosers_directory_servicetype:chosen_multiple           200          200       200       login
wagtailsnippetchoosers_directory_servicetype:create                    200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:list                    200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:list_results            200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:add                     200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:edit                    200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:delete                  200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:usage                   200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:history                 200          denied    denied    login
wagtailsnippets_directory_accessibilityfeature:history_results         200          denied    denied    login
wagtailsnippetchoosers_directory_accessibilityfeature:choose           200          200       200       login
wagtailsnippetchoosers_directory_accessibilityfeature:choose_results   200          200       200       login
wagtailsnippetchoosers_directory_accessibilityfeature:chosen           200          200       200       login
wagtailsnippetchoosers_directory_accessibilityfeature:chosen_multiple  200          200       200       login
wagtailsnippetchoosers_directory_accessibilityfeature:create           200          denied    denied    login
wagtailsnippets_directory_language:list                                200          denied    denied    login
wagtailsnippets_directory_language:list_results                        200          denied    denied    login
wagtailsnippets_directory_language:add                                 200          denied    denied    login
wagtailsnippets_directory_language:edit                                200          denied    denied    login
wagtailsnippets_directory_language:delete                              200          denied    denied    login
wagtailsnippets_directory_language:usage                               200          denied    denied    login
wagtailsnippets_directory_language:history                             200          denied    denied    login
wagtailsnippets_directory_language:history_results                     200          denied    denied    login
wagtailsnippetchoosers_directory_language:choose                       200          200       200       login
wagtailsnippetchoosers_directory_language:choose_results               200          200       200       login
wagtailsnippetchoosers_directory_language:chosen                       200          200       200       login
wagtailsnippetchoosers_directory_language:chosen_multiple              200          200       200       login
wagtailsnippetchoosers_directory_language:create                       200          denied    denied    login
wagtailsnippets_directory_area:list                                    200          denied    denied    login
wagtailsnippets_directory_area:list_results                            200          denied    denied    login
wagtailsnippets_directory_area:add                                     200          denied    denied    login
wagtailsnippets_directory_area:edit                                    200          denied    denied    login
wagtailsnippets_directory_area:delete                                  200          denied    denied    login
wagtailsnippets_directory_area:usage                                   200          denied    denied    login
wagtailsnippets_directory_area:history                                 200          denied    denied    login
wagtailsnippets_directory_area:history_results                         200          denied    denied    login
wagtailsnippetchoosers_directory_area:choose                           200          200       200       login
wagtailsnippetchoosers_directory_area:choose_results                   200          200       200       login
wagtailsnippetchoosers_directory_area:chosen                           200          200       200       login
wagtailsnippetchoosers_directory_area:chosen_multiple                  200          200       200       login
wagtailsnippetchoosers_directory_area:create                           200          denied    denied    login
wagtailsnippets_champions_skill:list                                   200          denied    denied    login
wagtailsnippets_champions_skill:list_results                           200          denied    denied    login
wagtailsnippets_champions_skill:add                                    200          denied    denied    login
wagtailsnippets_champions_skill:edit                                   200          denied    denied    login
wagtailsnippets_champions_skill:delete                                 200          denied    denied    login
wagtailsnippets_champions_skill:usage                                  200          denied    denied    login
wagtailsnippets_champions_skill:history                                200          denied    denied    login
wagtailsnippets_champions_skill:history_results                        200          denied    denied    login
wagtailsnippetchoosers_champions_skill:choose                          200          200       200       login
wagtailsnippetchoosers_champions_skill:choose_results                  200          200       200       login
wagtailsnippetchoosers_champions_skill:chosen                          200          200       200       login
wagtailsnippetchoosers_champions_skill:chosen_multiple                 200          200       200       login
wagtailsnippetchoosers_champions_skill:create                          200          denied    denied    login
wagtailsnippets_learning_learningresource:list                         200          denied    denied    login
wagtailsnippets_learning_learningresource:list_results                 200          denied    denied    login
wagtailsnippets_learning_learningresource:add                          200          denied    denied    login
wagtailsnippets_learning_learningresource:edit                         200          denied    denied    login
wagtailsnippets_learning_learningresource:delete                       200          denied    denied    login
wagtailsnippets_learning_learningresource:usage                        200          denied    denied    login
wagtailsnippets_learning_learningresource:history                      200          denied    denied    login
wagtailsnippets_learning_learningresource:history_results              200          denied    denied    login
wagtailsnippetchoosers_learning_learningresource:choose                200          200       200       login
wagtailsnippetchoosers_learning_learningresource:choose_results        200          200       200       login
wagtailsnippetchoosers_learning_learningresource:chosen                200          200       200       login
wagtailsnippetchoosers_learning_learningresource:chosen_multiple       200          200       200       login
wagtailsnippetchoosers_learning_learningresource:create                200          denied    denied    login
wagtailsnippets_learning_skillstatement:list                           200          denied    denied    login
wagtailsnippets_learning_skillstatement:list_results                   200          denied    denied    login
wagtailsnippets_learning_skillstatement:add                            200          denied    denied    login
wagtailsnippets_learning_skillstatement:edit                           200          denied    denied    login
wagtailsnippets_learning_skillstatement:delete                         200          denied    denied    login
wagtailsnippets_learning_skillstatement:usage                          200          denied    denied    login
wagtailsnippets_learning_skillstatement:history                        200          denied    denied    login
wagtailsnippets_learning_skillstatement:history_results                200          denied    denied    login
wagtailsnippets_learning_skillstatement:reorder                        405          denied    denied    login
wagtailsnippetchoosers_learning_skillstatement:choose                  200          200       200       login
wagtailsnippetchoosers_learning_skillstatement:choose_results          200          200       200       login
wagtailsnippetchoosers_learning_skillstatement:chosen                  200          200       200       login
wagtailsnippetchoosers_learning_skillstatement:chosen_multiple         200          200       200       login
wagtailsnippetchoosers_learning_skillstatement:create                  200          denied    denied    login
wagtailsites:index                                                     denied       denied    denied    login
wagtailsites:index_results                                             denied       denied    denied    login
wagtailsites:add                                                       denied       denied    denied    login
wagtailsites:edit                                                      denied       denied    denied    login
wagtailsites:delete                                                    denied       denied    denied    login
wagtailsites:history                                                   denied       denied    denied    login
wagtailsites:history_results                                           denied       denied    denied    login
wagtailsites:usage                                                     denied       denied    denied    login
wagtailsites:copy                                                      denied       denied    denied    login
wagtailusers_users:index                                               denied       denied    denied    login
wagtailusers_users:index_results                                       denied       denied    denied    login
wagtailusers_users:add                                                 denied       denied    denied    login
wagtailusers_users:edit                                                denied       denied    denied    login
wagtailusers_users:delete                                              denied       denied    denied    login
wagtailusers_users:history                                             denied       denied    denied    login
wagtailusers_users:history_results                                     denied       denied    denied    login
wagtailusers_users:usage                                               denied       denied    denied    login
wagtailusers_users:copy                                                denied       denied    denied    login
wagtailusers_groups:index                                              denied       denied    denied    login
wagtailusers_groups:index_results                                      denied       denied    denied    login
wagtailusers_groups:add                                                denied       denied    denied    login
wagtailusers_groups:edit                                               denied       denied    denied    login
wagtailusers_groups:delete                                             denied       denied    denied    login
wagtailusers_groups:history                                            denied       denied    denied    login
wagtailusers_groups:history_results                                    denied       denied    denied    login
wagtailusers_groups:usage                                              denied       denied    denied    login
wagtaildocs_chooser:choose                                             200          200       200       login
wagtaildocs_chooser:choose_results                                     200          200       200       login
wagtaildocs_chooser:chosen                                             200          200       denied    login
wagtaildocs_chooser:chosen_multiple                                    200          200       200       login
wagtaildocs_chooser:create                                             200          200       200       login
wagtailimages_chooser:choose                                           200          200       200       login
wagtailimages_chooser:choose_results                                   200          200       200       login
wagtailimages_chooser:chosen                                           200          200       denied    login
wagtailimages_chooser:chosen_multiple                                  200          200       200       login
wagtailimages_chooser:create                                           200          200       200       login
wagtailimages_chooser:select_format                                    200          200       denied    login
wagtailadmin_sprite                                                    200          200       200       200
wagtailadmin_login                                                     home         home      home      200
wagtailadmin_password_reset                                            200          200       200       200
wagtailadmin_password_reset#2                                           200          200       200       200
wagtailadmin_password_reset_done                                       200          200       200       200
wagtailadmin_password_reset_confirm                                    200          200       200       200
wagtailadmin_password_reset_complete                                   200          200       200       200
wagtailadmin_javascript_catalog                                        200          200       200       200
admin/^.*/$                                                            404          404       404       login
"""


def expected():
    """{url name: {role: outcome}} from the table above."""
    table = {}
    for line in MATRIX.strip().splitlines():
        if line.startswith("#"):
            continue
        name, *outcomes = line.split()
        table[name] = dict(zip(ROLES, outcomes, strict=True))
    return table
