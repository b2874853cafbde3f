{{%AUTOESCAPE context="HTML"}}<section class="form-block"{{#FORM_HEADING}} aria-labelledby="{{ID}}"{{/FORM_HEADING}}>
  {{#FORM_HEADING}}<h2 id="{{ID}}">{{TEXT}}</h2>{{/FORM_HEADING}}
  {{#FORM_LEAD}}<p>{{TEXT}}</p>{{/FORM_LEAD}}
  <form method="{{METHOD}}" action="{{ACTION}}" class="form" novalidate>
    {{#CSRF_FIELD}}<input type="hidden" name="csrf" value="{{CSRF}}">{{/CSRF_FIELD}}
    {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
    {{#CONTROL}}{{>FIELD}}{{/CONTROL}}
    <div class="form-actions">
      <button type="submit" class="button{{#SECONDARY_BUTTON}} secondary{{/SECONDARY_BUTTON}}{{#DANGER_BUTTON}} danger{{/DANGER_BUTTON}}">{{SUBMIT}}</button>
      {{#ALTERNATE}}<button type="submit" class="button secondary" name="{{NAME}}" value="{{VALUE}}">{{LABEL}}</button>{{/ALTERNATE}}
      {{#CANCEL}}<a href="{{HREF}}">{{LABEL}}</a>{{/CANCEL}}
    </div>
  </form>
</section>
